namespace VideoSearch.Core.Catalog;

/// <summary>
/// The catalog schema as an ordered list of scripts: script i brings the schema from version i to i + 1
/// (<c>PRAGMA user_version</c> in SQLite, the <c>catalog_schema</c> row in PostgreSQL). Each version is written twice,
/// once per database, with the same tables, columns and meaning; only the types and the trigger syntax differ.
/// Scripts are only ever appended; a released script never changes.
/// </summary>
internal static class CatalogMigrations
{
    /// <summary>Marks the file as a VideoSearch catalog (<c>PRAGMA application_id</c>, "VSCG").</summary>
    public const int ApplicationId = 0x56534347;

    /// <summary>The SQLite scripts.</summary>
    public static IReadOnlyList<string> Scripts { get; } =
    [
        // Version 1. Clip rows keep only what the index rebuild scans (ids and float32 embeddings); the larger
        // contexts and thumbnails live in their own tables so that scan reads compact pages. AUTOINCREMENT
        // keeps clip ids (the vector index ids) from ever being reused, so a stale index file can never point
        // a deleted id at another clip.
        """
        CREATE TABLE library_roots (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            added_at_ms INTEGER NOT NULL
        );

        CREATE TABLE videos (
            id INTEGER PRIMARY KEY,
            root_id INTEGER NOT NULL REFERENCES library_roots(id) ON DELETE CASCADE,
            relative_path TEXT NOT NULL,
            path TEXT NOT NULL UNIQUE,
            size INTEGER NOT NULL,
            mtime_ns INTEGER NOT NULL,
            fingerprint TEXT NOT NULL,
            duration_s REAL,
            fps REAL,
            width INTEGER,
            height INTEGER,
            rotation INTEGER,
            video_codec TEXT,
            audio_codec TEXT,
            status TEXT NOT NULL CHECK (status IN ('pending', 'indexed', 'failed')),
            error_kind TEXT,
            error_text TEXT,
            indexed_at_ms INTEGER,
            model_id TEXT,
            model_revision TEXT
        );
        CREATE INDEX videos_root ON videos(root_id);
        CREATE INDEX videos_fingerprint ON videos(fingerprint);
        CREATE INDEX videos_status ON videos(status);

        CREATE TABLE clips (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            video_id INTEGER NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
            clip_index INTEGER NOT NULL,
            start_s REAL NOT NULL,
            end_s REAL NOT NULL,
            frame_times BLOB NOT NULL,
            embedding BLOB NOT NULL,
            UNIQUE (video_id, clip_index)
        );

        CREATE TABLE clip_contexts (
            clip_id INTEGER PRIMARY KEY REFERENCES clips(id) ON DELETE CASCADE,
            context BLOB NOT NULL
        );

        CREATE TABLE clip_thumbnails (
            clip_id INTEGER PRIMARY KEY REFERENCES clips(id) ON DELETE CASCADE,
            jpeg BLOB NOT NULL
        );

        CREATE TABLE model_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            model_id TEXT NOT NULL,
            revision TEXT NOT NULL,
            embedding_dim INTEGER NOT NULL,
            context_patches INTEGER NOT NULL,
            context_dim INTEGER NOT NULL,
            updated_at_ms INTEGER NOT NULL
        );
        """,

        // Version 2. The precision each video's clips were embedded in (see XClipPrecision): the vectors are fp32
        // either way and stay comparable, but the column tells a bf16-indexed library from an fp32 one (benchmarks,
        // verification, a later re-embed). Rows indexed before it existed were fp32, the only precision then.
        """
        ALTER TABLE videos ADD COLUMN model_precision TEXT NOT NULL DEFAULT 'fp32' CHECK (model_precision IN ('fp32', 'bf16'));
        """,

        // Version 3. Each clip's preview strip (a few of its frames side by side, see PreviewStripEncoder), in its
        // own table like the thumbnails so the embedding scan never reads it. Optional: clips indexed before
        // version 3 have none, and the web page falls back to their thumbnail.
        """
        CREATE TABLE clip_previews (
            clip_id INTEGER PRIMARY KEY REFERENCES clips(id) ON DELETE CASCADE,
            jpeg BLOB NOT NULL
        );
        """,

        // Version 4. Shared catalogs. A root's name is what machines that mount it at different paths agree on (the
        // folder's name, made unique; see LibraryRootPaths). A video's lease (who indexes it, until when, by the
        // database's clock) lets many indexers split the pending videos. clip_changes numbers every clip added or removed, written by triggers so
        // that no path can forget it; search nodes follow it to keep their vector index in step. The clips already
        // stored are its first entries, so following it from 0 yields the whole catalog.
        """
        ALTER TABLE library_roots ADD COLUMN name TEXT;
        UPDATE library_roots SET name = replace(path, rtrim(path, replace(path, '/', '')), '');
        UPDATE library_roots SET name = name || '-' || id WHERE id NOT IN (SELECT min(id) FROM library_roots GROUP BY name);
        CREATE UNIQUE INDEX library_roots_name ON library_roots(name);

        ALTER TABLE videos ADD COLUMN lease_owner TEXT;
        ALTER TABLE videos ADD COLUMN lease_expires_ms INTEGER;

        CREATE TABLE clip_changes (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            clip_id INTEGER NOT NULL,
            added INTEGER NOT NULL CHECK (added IN (0, 1))
        );
        CREATE INDEX clip_changes_clip ON clip_changes(clip_id);
        INSERT INTO clip_changes(clip_id, added) SELECT id, 1 FROM clips ORDER BY id;
        CREATE TRIGGER clip_added AFTER INSERT ON clips BEGIN
            INSERT INTO clip_changes(clip_id, added) VALUES (NEW.id, 1);
        END;
        CREATE TRIGGER clip_removed AFTER DELETE ON clips BEGIN
            INSERT INTO clip_changes(clip_id, added) VALUES (OLD.id, 0);
        END;
        """,
    ];

    /// <summary>
    /// The PostgreSQL scripts, version for version. Identity columns never reuse a value, as AUTOINCREMENT does not.
    /// Contexts and JPEGs are stored uncompressed (STORAGE EXTERNAL): they are already compact, and compressing them
    /// again only costs the indexers time.
    /// </summary>
    public static IReadOnlyList<string> PostgresScripts { get; } =
    [
        """
        CREATE TABLE library_roots (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            added_at_ms BIGINT NOT NULL
        );

        CREATE TABLE videos (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            root_id BIGINT NOT NULL REFERENCES library_roots(id) ON DELETE CASCADE,
            relative_path TEXT NOT NULL,
            path TEXT NOT NULL UNIQUE,
            size BIGINT NOT NULL,
            mtime_ns BIGINT NOT NULL,
            fingerprint TEXT NOT NULL,
            duration_s DOUBLE PRECISION,
            fps DOUBLE PRECISION,
            width INTEGER,
            height INTEGER,
            rotation INTEGER,
            video_codec TEXT,
            audio_codec TEXT,
            status TEXT NOT NULL CHECK (status IN ('pending', 'indexed', 'failed')),
            error_kind TEXT,
            error_text TEXT,
            indexed_at_ms BIGINT,
            model_id TEXT,
            model_revision TEXT
        );
        CREATE INDEX videos_root ON videos(root_id);
        CREATE INDEX videos_fingerprint ON videos(fingerprint);
        CREATE INDEX videos_status ON videos(status);

        CREATE TABLE clips (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            video_id BIGINT NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
            clip_index INTEGER NOT NULL,
            start_s DOUBLE PRECISION NOT NULL,
            end_s DOUBLE PRECISION NOT NULL,
            frame_times BYTEA NOT NULL,
            embedding BYTEA NOT NULL,
            UNIQUE (video_id, clip_index)
        );

        CREATE TABLE clip_contexts (
            clip_id BIGINT PRIMARY KEY REFERENCES clips(id) ON DELETE CASCADE,
            context BYTEA NOT NULL
        );
        ALTER TABLE clip_contexts ALTER COLUMN context SET STORAGE EXTERNAL;

        CREATE TABLE clip_thumbnails (
            clip_id BIGINT PRIMARY KEY REFERENCES clips(id) ON DELETE CASCADE,
            jpeg BYTEA NOT NULL
        );
        ALTER TABLE clip_thumbnails ALTER COLUMN jpeg SET STORAGE EXTERNAL;

        CREATE TABLE model_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            model_id TEXT NOT NULL,
            revision TEXT NOT NULL,
            embedding_dim INTEGER NOT NULL,
            context_patches INTEGER NOT NULL,
            context_dim INTEGER NOT NULL,
            updated_at_ms BIGINT NOT NULL
        );
        """,

        """
        ALTER TABLE videos ADD COLUMN model_precision TEXT NOT NULL DEFAULT 'fp32' CHECK (model_precision IN ('fp32', 'bf16'));
        """,

        """
        CREATE TABLE clip_previews (
            clip_id BIGINT PRIMARY KEY REFERENCES clips(id) ON DELETE CASCADE,
            jpeg BYTEA NOT NULL
        );
        ALTER TABLE clip_previews ALTER COLUMN jpeg SET STORAGE EXTERNAL;
        """,

        // Many writers: a change row is numbered when it is inserted but seen when its transaction commits, so without
        // care a node could read number 12 before number 11 commits and miss 11 for good. Every transaction that
        // changes clips therefore takes one transaction-level advisory lock before its first change row: change
        // rows are numbered in commit order, and a node that has read up to n has seen everything below n.
        $"""
        ALTER TABLE library_roots ADD COLUMN name TEXT;
        UPDATE library_roots SET name = regexp_replace(path, '^.*/', '');
        UPDATE library_roots SET name = name || '-' || id WHERE id NOT IN (SELECT min(id) FROM library_roots GROUP BY name);
        CREATE UNIQUE INDEX library_roots_name ON library_roots(name);

        ALTER TABLE videos ADD COLUMN lease_owner TEXT;
        ALTER TABLE videos ADD COLUMN lease_expires_ms BIGINT;

        CREATE TABLE clip_changes (
            seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            clip_id BIGINT NOT NULL,
            added BOOLEAN NOT NULL
        );
        CREATE INDEX clip_changes_clip ON clip_changes(clip_id);
        INSERT INTO clip_changes(clip_id, added) SELECT id, TRUE FROM clips ORDER BY id;
        CREATE FUNCTION record_clip_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_advisory_xact_lock({PostgresCatalogDatabase.ChangeOrderLockKey});
            IF TG_OP = 'INSERT' THEN
                INSERT INTO clip_changes(clip_id, added) VALUES (NEW.id, TRUE);
            ELSE
                INSERT INTO clip_changes(clip_id, added) VALUES (OLD.id, FALSE);
            END IF;
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER clip_changed AFTER INSERT OR DELETE ON clips FOR EACH ROW EXECUTE FUNCTION record_clip_change();
        """,
    ];

    public static int LatestVersion => Scripts.Count;
}
