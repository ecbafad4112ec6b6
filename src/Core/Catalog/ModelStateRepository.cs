using System.Data.Common;

namespace VideoSearch.Core.Catalog;

/// <summary>
/// The model the stored vectors belong to. Vectors of two models are never mixed: switching models goes through
/// <see cref="MarkAllForReembeddingAsync"/>, which drops every clip and sends every indexed video back to pending.
/// </summary>
public sealed class ModelStateRepository(CatalogDatabase database)
{
    /// <summary>The current model, or null before the first index run.</summary>
    public async Task<ModelState?> GetAsync(CancellationToken cancellationToken = default)
    {
        return await database.RunAsync(async connection =>
        {
            return await ReadAsync(connection, null, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets the model when none is set, or confirms the same one.</summary>
    /// <exception cref="CatalogException">A different model is set: use <see cref="MarkAllForReembeddingAsync"/>.</exception>
    public async Task SetAsync(ModelState model, CancellationToken cancellationToken = default)
    {
        Check(model);
        await database.RunAsync(async connection =>
        {
            await using DbTransaction transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            ModelState? current = await ReadAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            if (current == model) return;
            if (current != null)
                throw new CatalogException(database.Location,
                    $"The catalog holds vectors of model '{current.ModelId}' revision '{current.Revision}'; switching to " +
                    $"'{model.ModelId}' revision '{model.Revision}' needs re-embedding");
            await WriteAsync(connection, transaction, model, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Switches to <paramref name="model"/>: in one transaction deletes every clip (their vectors belong to the old
    /// model), sets every indexed video back to pending and records the new model. Failed videos stay failed (their
    /// files did not change). Returns the number of videos marked pending.
    /// </summary>
    public async Task<int> MarkAllForReembeddingAsync(ModelState model, CancellationToken cancellationToken = default)
    {
        Check(model);
        return await database.RunAsync(async connection =>
        {
            await using DbTransaction transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            using (var clear = CatalogCommand.Create(connection, "DELETE FROM clips;", transaction))
                await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            using var mark = CatalogCommand.Create(connection,
                "UPDATE videos SET status = 'pending', indexed_at_ms = NULL, model_id = NULL, model_revision = NULL " +
                "WHERE status = 'indexed';", transaction);
            int marked = await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await WriteAsync(connection, transaction, model, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return marked;
        }, cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<ModelState?> ReadAsync(DbConnection connection, DbTransaction? transaction,
        CancellationToken cancellationToken)
    {
        using var command = CatalogCommand.Create(connection,
            "SELECT model_id, revision, embedding_dim, context_patches, context_dim FROM model_state WHERE id = 1;",
            transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        return new ModelState(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3),
            reader.GetInt32(4));
    }

    private static async Task WriteAsync(DbConnection connection, DbTransaction transaction, ModelState model,
        CancellationToken cancellationToken)
    {
        using var command = CatalogCommand.Create(connection,
                "INSERT INTO model_state(id, model_id, revision, embedding_dim, context_patches, context_dim, updated_at_ms) " +
                "VALUES (1, @model, @revision, @dim, @patches, @contextDim, @now) ON CONFLICT(id) DO UPDATE SET " +
                "model_id = excluded.model_id, revision = excluded.revision, embedding_dim = excluded.embedding_dim, " +
                "context_patches = excluded.context_patches, context_dim = excluded.context_dim, updated_at_ms = excluded.updated_at_ms;", transaction)
            .With("@model", model.ModelId).With("@revision", model.Revision).With("@dim", model.EmbeddingDim)
            .With("@patches", model.ContextPatches).With("@contextDim", model.ContextDim).With("@now", CatalogCommand.NowMs());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Check(ModelState model)
    {
        if (string.IsNullOrWhiteSpace(model.ModelId) || string.IsNullOrWhiteSpace(model.Revision)
            || model.EmbeddingDim <= 0 || model.ContextPatches <= 0 || model.ContextDim <= 0)
            throw new CatalogException(database.Location, $"Invalid model state {model}");
    }
}
