using DrillRunner.Security;
using Microsoft.Extensions.Options;

namespace DrillRunner.Options;

/// <summary>Checks what data annotations cannot: key hashes, roles, unique names, an existing drills folder.</summary>
internal sealed class DrillServerOptionsValidator : IValidateOptions<DrillServerOptions>
{
    public ValidateOptionsResult Validate(string? name, DrillServerOptions options)
    {
        var errors = new List<string>();
        if (!Directory.Exists(options.DrillsDirectory))
        {
            errors.Add($"DrillRunner:DrillsDirectory '{Path.GetFullPath(options.DrillsDirectory)}' does not exist");
        }

        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            var where = $"DrillRunner:ApiKeys:{i}";
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                errors.Add($"{where}:Name is required");
            }

            if (!ApiKeyHash.IsValidHash(key.Hash))
            {
                errors.Add($"{where}:Hash must be the 64-character SHA-256 hex of a key (or keep keys out of the configuration: drill apikey new --role ROLE NAME)");
            }

            if (!Roles.All.Contains(key.Role, StringComparer.Ordinal))
            {
                errors.Add($"{where}:Role '{key.Role}' is not one of {string.Join(", ", Roles.All)}");
            }
        }

        foreach (var duplicate in options.ApiKeys.GroupBy(k => k.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"DrillRunner:ApiKeys: name '{duplicate.Key}' is used by {duplicate.Count()} keys");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
