package org.sightline.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.sightline.error.StoreException;

/** Parameterised queries with row mappers; every value goes through a placeholder, never into the SQL text. */
final class Sql {
    private final DataSource dataSource;

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> List<T> list(String sql, List<?> parameters, RowMapper<T> mapper) {
        List<T> results = new ArrayList<>();
        stream(sql, parameters, mapper, results::add);
        return results;
    }

    /** Runs one parameterised INSERT, UPDATE or DELETE in its own transaction; returns the rows changed. */
    int update(String sql, List<?> parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            int changed = statement.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return changed;
        } catch (SQLException e) {
            throw new org.sightline.error.StoreException("knowledge store update failed: " + e.getMessage(), e);
        }
    }

    long count(String sql, List<?> parameters) {
        List<Long> values = list(sql, parameters, row -> row.getLong(1));
        return values.isEmpty() ? 0 : values.get(0);
    }

    /**
     * Streams rows in a read-only transaction with a fetch size, so PostgreSQL uses a cursor
     * rather than loading the whole result.
     */
    <T> void stream(String sql, List<?> parameters, RowMapper<T> mapper, Consumer<T> consumer) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(500);
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        consumer.accept(mapper.map(rows));
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("knowledge store query failed: " + e.getMessage(), e);
        }
    }
}
