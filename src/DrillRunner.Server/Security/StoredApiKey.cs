namespace DrillRunner.Security;

/// <summary>An API key made by <c>drill apikey new</c> (or the first start of the server): never the key, only its hash.</summary>
public sealed record StoredApiKey(string Name, string Role, string Hash, DateTimeOffset CreatedAt);
