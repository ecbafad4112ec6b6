namespace VideoSearch.Core.Catalog;

/// <summary>
/// The catalog schema as an ordered list of scripts: script i brings the schema from version i to i + 1
/// (<c>PRAGMA user_version</c>). Scripts are only ever appended; a released script never changes.
/// </summary>
internal static class CatalogMigrations
{
    /// <summary>Marks the file as a VideoSearch catalog (<c>PRAGMA application_id</c>, "VSCG").</summary>
    public const int ApplicationId = 0x56534347;

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
    ];

    public static int LatestVersion => Scripts.Count;
}
