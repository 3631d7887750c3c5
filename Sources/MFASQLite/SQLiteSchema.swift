import GRDB

/// The schema as ordered, named migrations. A migration, once shipped, is
/// never edited: changes come as new steps appended to the list.
enum SQLiteSchema {
    /// Applies the migrations the file lacks, with other processes opening the same new file at once.
    ///
    /// Each migration commits in a transaction of its own, but GRDB reads which
    /// are applied before it takes the write lock, so a process that read "none"
    /// while another was applying one fails on the tables that one created.
    /// Such a failure is retried, reading again: it is retried only when
    /// another process applied a migration meanwhile, so a migration that fails
    /// on its own still throws.
    static func migrate(_ pool: DatabasePool) throws {
        let migrator = migrator
        while true {
            let before = try pool.read { db in try migrator.appliedIdentifiers(db) }
            do {
                return try migrator.migrate(pool)
            } catch {
                let after = try pool.read { db in try migrator.appliedIdentifiers(db) }
                guard after.isStrictSuperset(of: before) else { throw error }
            }
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1 accounts, registrations, links, sessions, recovery codes, limits, outbox") { db in
            try db.execute(sql: """
                CREATE TABLE account (
                    id TEXT PRIMARY KEY NOT NULL,
                    email TEXT NOT NULL,
                    email_key TEXT NOT NULL UNIQUE,
                    full_name TEXT,
                    password_hash TEXT NOT NULL,
                    totp_sealed_secret BLOB NOT NULL,
                    totp_algorithm TEXT NOT NULL,
                    totp_digits INTEGER NOT NULL,
                    totp_period INTEGER NOT NULL,
                    last_time_step INTEGER,
                    created_at REAL NOT NULL,
                    last_login_at REAL,
                    consecutive_failures INTEGER NOT NULL DEFAULT 0,
                    locked_until REAL
                );
                CREATE TABLE pending_registration (
                    email_key TEXT PRIMARY KEY NOT NULL,
                    email TEXT NOT NULL,
                    full_name TEXT,
                    password_hash TEXT NOT NULL,
                    expires_at REAL NOT NULL
                );
                CREATE INDEX pending_registration_expiry ON pending_registration(expires_at);
                CREATE TABLE link (
                    token_hash BLOB PRIMARY KEY NOT NULL,
                    purpose TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    expires_at REAL NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0
                ) WITHOUT ROWID;
                CREATE INDEX link_owner ON link(subject, purpose);
                CREATE INDEX link_expiry ON link(expires_at);
                CREATE TABLE recovery_code (
                    account_id TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                    code_hash BLOB NOT NULL,
                    PRIMARY KEY (account_id, code_hash)
                ) WITHOUT ROWID;
                CREATE TABLE session (
                    token_hash BLOB PRIMARY KEY NOT NULL,
                    account_id TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                    created_at REAL NOT NULL,
                    expires_at REAL NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX session_account ON session(account_id);
                CREATE INDEX session_expiry ON session(expires_at);
                CREATE TABLE limit_window (
                    key TEXT PRIMARY KEY NOT NULL,
                    started_at REAL NOT NULL,
                    event_count INTEGER NOT NULL,
                    ends_at REAL NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX limit_window_end ON limit_window(ends_at);
                CREATE TABLE outbox (
                    id TEXT PRIMARY KEY NOT NULL,
                    sealed_message BLOB NOT NULL,
                    not_before REAL NOT NULL,
                    expires_at REAL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    leased_until REAL,
                    finished_at REAL,
                    disposition TEXT
                );
                CREATE INDEX outbox_due ON outbox(finished_at, not_before);
                """)
        }
        migrator.registerMigration("2 key ids and keyed hashes") { db in
            // Limit windows and recovery-code rows hold unkeyed hashes, and links of
            // pending registrations the address itself; the first service to start
            // (when it loads the hash key, through upgradeLegacyRows) makes them keyed,
            // as only it holds the hash key. The marker row says that is still to do;
            // a new database gets none.
            try db.execute(sql: """
                CREATE TABLE data_key (
                    name TEXT PRIMARY KEY NOT NULL,
                    sealed BLOB NOT NULL
                ) WITHOUT ROWID;
                ALTER TABLE pending_registration ADD COLUMN subject TEXT NOT NULL DEFAULT '';
                CREATE INDEX pending_registration_subject ON pending_registration(subject);
                CREATE TABLE legacy_rows (
                    pending INTEGER PRIMARY KEY NOT NULL
                );
                INSERT INTO legacy_rows (pending)
                    SELECT 1 WHERE EXISTS (SELECT 1 FROM recovery_code) OR EXISTS (SELECT 1 FROM pending_registration)
                        OR EXISTS (SELECT 1 FROM limit_window);
                """)
        }
        migrator.registerMigration("3 passkeys and their challenges") { db in
            // Transports are a comma-separated list: WebAuthn's names have no commas.
            try db.execute(sql: """
                CREATE TABLE passkey (
                    id TEXT PRIMARY KEY NOT NULL,
                    account_id TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                    credential_id BLOB NOT NULL UNIQUE,
                    public_key BLOB NOT NULL,
                    sign_count INTEGER NOT NULL,
                    backup_eligible INTEGER NOT NULL,
                    transports TEXT NOT NULL,
                    name TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    last_used_at REAL
                );
                CREATE INDEX passkey_account ON passkey(account_id, created_at);
                CREATE TABLE passkey_challenge (
                    challenge_hash BLOB PRIMARY KEY NOT NULL,
                    ceremony TEXT NOT NULL,
                    binding TEXT NOT NULL,
                    expires_at REAL NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX passkey_challenge_expiry ON passkey_challenge(expires_at);
                """)
        }
        return migrator
    }
}
