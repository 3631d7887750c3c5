/// The schema as ordered, named migrations, the same tables and columns as the
/// SQLite store's (so `migrate-store` copies row by row). A migration, once
/// shipped, is never edited: changes come as new steps appended to the list.
///
/// Times are `timestamptz` (microseconds), hashes and sealed boxes `bytea`
/// (sealed values stay sealed: the store never sees a key).
enum PostgresSchema {
    /// One step: its name, recorded in `mfa_migration` once applied, and its
    /// statements, run in one transaction.
    struct Migration: Sendable {
        let name: String
        let statements: [String]
    }

    static let migrations: [Migration] = [
        Migration(name: "1 accounts, registrations, links, sessions, recovery codes, limits, outbox, keys", statements: [
            """
            CREATE TABLE account (
                id text PRIMARY KEY,
                email text NOT NULL,
                email_key text NOT NULL UNIQUE,
                full_name text,
                password_hash text NOT NULL,
                totp_sealed_secret bytea NOT NULL,
                totp_algorithm text NOT NULL,
                totp_digits integer NOT NULL,
                totp_period integer NOT NULL,
                last_time_step bigint,
                created_at timestamptz NOT NULL,
                last_login_at timestamptz,
                consecutive_failures integer NOT NULL DEFAULT 0,
                locked_until timestamptz
            )
            """,
            """
            CREATE TABLE pending_registration (
                email_key text PRIMARY KEY,
                email text NOT NULL,
                subject text NOT NULL,
                full_name text,
                password_hash text NOT NULL,
                expires_at timestamptz NOT NULL
            )
            """,
            "CREATE INDEX pending_registration_expiry ON pending_registration (expires_at)",
            "CREATE INDEX pending_registration_subject ON pending_registration (subject)",
            """
            CREATE TABLE link (
                token_hash bytea PRIMARY KEY,
                purpose text NOT NULL,
                subject text NOT NULL,
                expires_at timestamptz NOT NULL,
                attempts integer NOT NULL DEFAULT 0
            )
            """,
            "CREATE INDEX link_owner ON link (subject, purpose)",
            "CREATE INDEX link_expiry ON link (expires_at)",
            """
            CREATE TABLE recovery_code (
                account_id text NOT NULL REFERENCES account (id) ON DELETE CASCADE,
                code_hash bytea NOT NULL,
                PRIMARY KEY (account_id, code_hash)
            )
            """,
            """
            CREATE TABLE session (
                token_hash bytea PRIMARY KEY,
                account_id text NOT NULL REFERENCES account (id) ON DELETE CASCADE,
                created_at timestamptz NOT NULL,
                expires_at timestamptz NOT NULL
            )
            """,
            "CREATE INDEX session_account ON session (account_id)",
            "CREATE INDEX session_expiry ON session (expires_at)",
            """
            CREATE TABLE limit_window (
                key text PRIMARY KEY,
                started_at timestamptz NOT NULL,
                event_count integer NOT NULL,
                ends_at timestamptz NOT NULL
            )
            """,
            "CREATE INDEX limit_window_end ON limit_window (ends_at)",
            // `queued` orders messages queued in the same instant, as SQLite's rowid does.
            """
            CREATE TABLE outbox (
                id text PRIMARY KEY,
                queued bigint GENERATED ALWAYS AS IDENTITY,
                sealed_message bytea NOT NULL,
                not_before timestamptz NOT NULL,
                expires_at timestamptz,
                attempts integer NOT NULL DEFAULT 0,
                leased_until timestamptz,
                finished_at timestamptz,
                disposition text
            )
            """,
            "CREATE INDEX outbox_due ON outbox (not_before, queued) WHERE finished_at IS NULL",
            "CREATE INDEX outbox_finished ON outbox (finished_at) WHERE finished_at IS NOT NULL",
            """
            CREATE TABLE data_key (
                name text PRIMARY KEY,
                sealed bytea NOT NULL
            )
            """,
            // Rows copied from a SQLite database that was never opened by a
            // service after it gained keyed hashes: the marker says so, as there.
            "CREATE TABLE legacy_rows (pending integer PRIMARY KEY)",
        ]),
        Migration(name: "2 passkeys and their challenges", statements: [
            """
            CREATE TABLE passkey (
                id text PRIMARY KEY,
                account_id text NOT NULL REFERENCES account (id) ON DELETE CASCADE,
                credential_id bytea NOT NULL UNIQUE,
                public_key bytea NOT NULL,
                sign_count bigint NOT NULL,
                backup_eligible boolean NOT NULL,
                transports text[] NOT NULL,
                name text NOT NULL,
                created_at timestamptz NOT NULL,
                last_used_at timestamptz
            )
            """,
            "CREATE INDEX passkey_account ON passkey (account_id, created_at)",
            // The binding is compared byte for byte: the database's default collation is deterministic.
            """
            CREATE TABLE passkey_challenge (
                challenge_hash bytea PRIMARY KEY,
                ceremony text NOT NULL,
                binding text NOT NULL,
                expires_at timestamptz NOT NULL
            )
            """,
            "CREATE INDEX passkey_challenge_expiry ON passkey_challenge (expires_at)",
        ]),
    ]
}
