using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VideoSearch.Core.Catalog;
using VideoSearch.Core.Hub;
using VideoSearch.Core.Inference;
using VideoSearch.Core.Media;
using VideoSearch.Core.Vectors;

namespace VideoSearch.Core.Library;

/// <summary>Registers one opened library in a host: the parts every other project's services run on.</summary>
public static class LibraryServiceCollectionExtensions
{
    /// <summary>
    /// Adds the library's one catalog (<paramref name="catalog"/>, opened and owned by the caller), its one live
    /// vector index (<see cref="LibraryVectorIndex"/>, also as <see cref="IVectorIndexSource"/>), its one model
    /// (<see cref="ModelHandle"/>, also as <see cref="IInferenceSource"/>, loaded once through the
    /// <see cref="XClipInferenceCache"/>), the hub locator, and the media tools. <see cref="ModelOptions"/> binds the
    /// <c>Model</c> section (its <c>Precision</c> checked at start); <paramref name="configureModel"/> applies the command line over it.
    /// </summary>
    public static IServiceCollection AddVideoSearchLibrary(this IServiceCollection services, VideoCatalog catalog,
        Action<ModelOptions>? configureModel = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var model = services.AddOptions<ModelOptions>().BindConfiguration(ModelOptions.SectionName);
        if (configureModel is not null) model.Configure(configureModel);
        model.Validate(o => PrecisionChoice.TryParseMode(o.Precision, out _),
                $"Model:Precision (--precision) must be one of {string.Join(", ", PrecisionChoice.Names)}.")
            .ValidateOnStart();
        services.AddOptions<VectorSearchOptions>().BindConfiguration("Search")
            .Validate(o => o.EfSearch >= 1, "Search:EfSearch must be at least 1.").ValidateOnStart();
        services.AddSingleton(catalog);
        services.TryAddSingleton<LibraryVectorIndex>();
        services.TryAddSingleton<IVectorIndexSource>(sp => sp.GetRequiredService<LibraryVectorIndex>());
        services.AddVideoSearchModels();
        services.TryAddSingleton<ModelHandle>();
        services.TryAddSingleton<IInferenceSource>(sp => sp.GetRequiredService<ModelHandle>());
        return services;
    }

    /// <summary>
    /// Adds what runs a model on media without a library: the hub locator (HF_* settings from the environment), the
    /// process's model cache and the media tools. <see cref="AddVideoSearchLibrary"/> includes it.
    /// </summary>
    public static IServiceCollection AddVideoSearchModels(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => ModelLocator.FromEnvironment());
        services.TryAddSingleton<XClipInferenceCache>();
        services.TryAddSingleton(_ => new MediaProbe());
        services.TryAddSingleton(_ => new FrameExtractor());
        return services;
    }
}
