package org.sightline.pattern.validate;

import java.util.Map;
import java.util.Set;

/**
 * The top-level properties of each STIX 2.1 cyber-observable type, as the official JSON schemas
 * define them (a test compares this table with the schemas). Used to warn about object paths that
 * no standard object can have; custom types and properties stay legal.
 */
final class ObservableProperties {
    static final Map<String, Set<String>> BY_TYPE = Map.ofEntries(
            entry("artifact", "decryption_key defanged encryption_algorithm extensions granular_markings hashes id mime_type object_marking_refs payload_bin spec_version type url"),
            entry("autonomous-system", "defanged extensions granular_markings id name number object_marking_refs rir spec_version type"),
            entry("directory", "atime contains_refs ctime defanged extensions granular_markings id mtime object_marking_refs path path_enc spec_version type"),
            entry("domain-name", "defanged extensions granular_markings id object_marking_refs resolves_to_refs spec_version type value"),
            entry("email-addr", "belongs_to_ref defanged display_name extensions granular_markings id object_marking_refs spec_version type value"),
            entry("email-message", "additional_header_fields bcc_refs body body_multipart cc_refs content_type date defanged extensions from_ref granular_markings id is_multipart message_id object_marking_refs raw_email_ref received_lines sender_ref spec_version subject to_refs type"),
            entry("file", "atime contains_refs content_ref ctime defanged extensions granular_markings hashes id magic_number_hex mime_type mtime name name_enc object_marking_refs parent_directory_ref size spec_version type"),
            entry("ipv4-addr", "belongs_to_refs defanged extensions granular_markings id object_marking_refs resolves_to_refs spec_version type value"),
            entry("ipv6-addr", "belongs_to_refs defanged extensions granular_markings id object_marking_refs resolves_to_refs spec_version type value"),
            entry("mac-addr", "defanged extensions granular_markings id object_marking_refs spec_version type value"),
            entry("mutex", "defanged extensions granular_markings id name object_marking_refs spec_version type"),
            entry("network-traffic", "defanged dst_byte_count dst_packets dst_payload_ref dst_port dst_ref encapsulated_by_ref encapsulates_refs end extensions granular_markings id ipfix is_active object_marking_refs protocols spec_version src_byte_count src_packets src_payload_ref src_port src_ref start type"),
            entry("process", "child_refs command_line created_time creator_user_ref cwd defanged environment_variables extensions granular_markings id image_ref is_hidden object_marking_refs opened_connection_refs parent_ref pid spec_version type"),
            entry("software", "cpe defanged extensions granular_markings id languages name object_marking_refs spec_version swid type vendor version"),
            entry("url", "defanged extensions granular_markings id object_marking_refs spec_version type value"),
            entry("user-account", "account_created account_expires account_first_login account_last_login account_login account_type can_escalate_privs credential credential_last_changed defanged display_name extensions granular_markings id is_disabled is_privileged is_service_account object_marking_refs spec_version type user_id"),
            entry("windows-registry-key", "creator_user_ref defanged extensions granular_markings id key modified_time number_of_subkeys object_marking_refs spec_version type values"),
            entry("x509-certificate", "defanged extensions granular_markings hashes id is_self_signed issuer object_marking_refs serial_number signature_algorithm spec_version subject subject_public_key_algorithm subject_public_key_exponent subject_public_key_modulus type validity_not_after validity_not_before version x509_v3_extensions"));

    private ObservableProperties() {
    }

    private static Map.Entry<String, Set<String>> entry(String type, String properties) {
        return Map.entry(type, Set.of(properties.split(" ")));
    }
}
