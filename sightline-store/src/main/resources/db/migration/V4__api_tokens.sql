-- API tokens for the HTTP server. Only a SHA-256 of each token is kept: a token is shown once, when
-- it is created, and cannot be read back from the store.
CREATE TABLE api_token (
    id          VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    token_hash  VARCHAR(64)  NOT NULL UNIQUE,
    role        VARCHAR(20)  NOT NULL,
    clearance   VARCHAR(20)  NOT NULL,
    created_at  VARCHAR(40)  NOT NULL,
    revoked_at  VARCHAR(40)
);
