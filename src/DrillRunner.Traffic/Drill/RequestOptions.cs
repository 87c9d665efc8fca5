using System.ComponentModel.DataAnnotations;

namespace DrillRunner.Traffic.Drill;

/// <summary>
/// One request of a traffic mix. <c>path</c> and <c>body</c> may use <c>{user}</c>, <c>{seq}</c> and
/// <c>{random:MIN-MAX}</c>.
/// </summary>
public sealed class RequestOptions
{
    public string Method { get; init; } = "GET";

    /// <summary>Relative to the step's url: <c>/products</c> replaces its path.</summary>
    public string Path { get; init; } = "";

    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public string? Body { get; init; }

    [Range(1, 1_000_000)]
    public int Weight { get; init; } = 1;

    internal RequestTemplate ToTemplate() => new()
    {
        Method = Method,
        Path = Path,
        Headers = Headers ?? new Dictionary<string, string>(),
        Body = Body,
        Weight = Weight,
    };
}
