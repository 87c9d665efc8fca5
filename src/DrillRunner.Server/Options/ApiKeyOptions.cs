namespace DrillRunner.Options;

/// <summary>One API key: who it is, the SHA-256 (hex) of the key (never the key itself) and its role.</summary>
public sealed class ApiKeyOptions
{
    public string Name { get; set; } = "";

    /// <summary>Lower- or upper-case hex of SHA-256 over the key's UTF-8 bytes; the key should be random (<c>drill apikey new</c>).</summary>
    public string Hash { get; set; } = "";

    /// <summary><c>viewer</c>, <c>operator</c> or <c>admin</c>.</summary>
    public string Role { get; set; } = "";
}
