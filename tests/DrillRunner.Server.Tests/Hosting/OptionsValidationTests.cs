using DrillRunner.Server.Tests.Harness;
using Microsoft.Extensions.Options;

namespace DrillRunner.Server.Tests.Hosting;

[Collection(HangfireHostsCollection.Name)]
public sealed class OptionsValidationTests
{
    [Fact]
    public async Task The_server_does_not_start_with_a_bad_key_hash_role_or_drills_folder_and_says_which_setting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ServerHarness.StartAsync(
            new Dictionary<string, string>(),
            new Dictionary<string, string?>
            {
                ["DrillRunner:ApiKeys:3:Name"] = "eve",
                ["DrillRunner:ApiKeys:3:Hash"] = "plain-text-key",
                ["DrillRunner:ApiKeys:3:Role"] = "root",
                ["DrillRunner:DrillsDirectory"] = "/nonexistent/drills",
            }));

        Assert.Contains(error.Failures, f => f.Contains("DrillRunner:ApiKeys:3:Hash must be the 64-character SHA-256", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("DrillRunner:ApiKeys:3:Role 'root' is not one of viewer, operator, admin", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("DrillsDirectory '/nonexistent/drills' does not exist", StringComparison.Ordinal));
    }
}
