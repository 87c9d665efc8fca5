using System.Security.Claims;
using DrillRunner.Options;
using Microsoft.Extensions.Options;

namespace DrillRunner.Security;

/// <summary>
/// Every API key the server accepts: those of the configuration (<c>DrillRunner:ApiKeys</c>) and those of the key
/// store, both read as they are now, so removing a key from either takes effect on the next request.
/// </summary>
internal sealed class ApiKeyRegistry(IOptionsMonitor<DrillServerOptions> options, ApiKeyStore store)
{
    /// <summary>Claim naming which key a principal signed in with (a prefix of its hash, not the key).</summary>
    public const string KeyClaim = "drillrunner:key";

    private const int KeyIdLength = 16;

    public ApiKeyStore Store => store;

    public IEnumerable<ApiKeyOptions> All() =>
        options.CurrentValue.ApiKeys.Concat(store.All().Select(k => new ApiKeyOptions { Name = k.Name, Role = k.Role, Hash = k.Hash }));

    public bool IsEmpty => !All().Any();

    public ApiKeyOptions? Find(string key) => All().FirstOrDefault(k => ApiKeyHash.Matches(key, k.Hash));

    public static ClaimsPrincipal Principal(ApiKeyOptions key, string scheme) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, key.Name), new Claim(ClaimTypes.Role, key.Role), new Claim(KeyClaim, KeyId(key.Hash))],
            scheme));

    /// <summary>Whether the key a principal signed in with still exists, under the same name and role.</summary>
    public bool IsCurrent(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var id = principal.FindFirstValue(KeyClaim);
        var name = principal.FindFirstValue(ClaimTypes.Name);
        var role = principal.FindFirstValue(ClaimTypes.Role);
        return id is not null && All().Any(k => k.Name == name && k.Role == role && KeyId(k.Hash) == id);
    }

    private static string KeyId(string hash) => hash.Length >= KeyIdLength ? hash[..KeyIdLength].ToLowerInvariant() : hash;
}
