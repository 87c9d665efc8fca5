namespace DrillRunner.Chaos;

/// <summary>Options of the chaos control surface, bound from the <c>Chaos</c> configuration section.</summary>
public sealed class ChaosOptions
{
    /// <summary>Shared bearer token of the control endpoint; when empty the endpoint is not mapped at all.</summary>
    public string? Token { get; set; }

    /// <summary>Settings the service allows a drill to override live, with a check of each new value.</summary>
    public IDictionary<string, Func<string, bool>> LiveSettings { get; } =
        new Dictionary<string, Func<string, bool>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registers a live-changeable setting; <paramref name="isValid"/> rejects values the service cannot use.</summary>
    public ChaosOptions AddLiveSetting(string key, Func<string, bool>? isValid = null)
    {
        LiveSettings[key] = isValid ?? (static _ => true);
        return this;
    }
}
