namespace DrillRunner.Traffic;

/// <summary>
/// One kind of request in a mix. <see cref="Path"/> and <see cref="Body"/> may contain the placeholders
/// <c>{user}</c> (the synthetic user number), <c>{seq}</c> (the request's sequence number) and
/// <c>{random:MIN-MAX}</c> (an integer drawn from the run's seeded random source).
/// </summary>
public sealed class RequestTemplate
{
    public string Method { get; init; } = "GET";

    /// <summary>
    /// Resolved against the plan's target like a relative link: empty (the default) is the target itself,
    /// <c>/health</c> replaces its path, <c>orders/{user}</c> is relative to its directory.
    /// </summary>
    public string Path { get; init; } = "";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public string? Body { get; init; }

    /// <summary>Relative share of the mix; a template with weight 3 is sent three times as often as one with 1.</summary>
    public int Weight { get; init; } = 1;
}
