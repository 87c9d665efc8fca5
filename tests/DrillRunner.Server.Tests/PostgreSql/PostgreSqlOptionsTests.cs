using DrillRunner.Server.Tests.Harness;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DrillRunner.Server.Tests.PostgreSql;

/// <summary>A server set to PostgreSQL that cannot use it does not start, and says why in one line without the password.</summary>
[Collection(HangfireHostsCollection.Name)]
public sealed class PostgreSqlOptionsTests
{
    [Fact]
    public async Task A_missing_connection_string_stops_start_up_naming_the_setting()
    {
        var error = await StartAsync(new() { ["DrillRunner:Storage"] = "PostgreSql" });

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith("DrillRunner:PostgreSql:ConnectionString is required when DrillRunner:Storage is PostgreSql", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_stops_start_up_naming_host_and_database_but_not_the_password()
    {
        var port = FreePort.Next();
        var error = await StartAsync(new()
        {
            ["DrillRunner:Storage"] = "PostgreSql",
            ["DrillRunner:PostgreSql:ConnectionString"] = $"Host=127.0.0.1;Port={port};Username=drillrunner;Password=s3cret-pw;Database=drills_eu;Timeout=3",
        });

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith($"cannot connect to PostgreSQL database 'drills_eu' on 127.0.0.1:{port} as user 'drillrunner': ", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", failure, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure);
    }

    [PostgresFact]
    public async Task A_wrong_password_stops_start_up_with_the_server_s_reason_but_not_the_password()
    {
        var target = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString) { Password = "wrong-pw-4711" };
        var error = await StartAsync(new()
        {
            ["DrillRunner:Storage"] = "PostgreSql",
            ["DrillRunner:PostgreSql:ConnectionString"] = target.ConnectionString,
        });

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith($"cannot connect to PostgreSQL database '{target.Database}' on {target.Host}:{target.Port} as user '{target.Username}': 28P01: password authentication failed", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-pw-4711", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_connection_string_stops_start_up_naming_the_setting()
    {
        var error = await StartAsync(new()
        {
            ["DrillRunner:Storage"] = "PostgreSql",
            ["DrillRunner:PostgreSql:ConnectionString"] = "Hots=db;Pasword=x",
        });

        Assert.StartsWith("DrillRunner:PostgreSql:ConnectionString is not a valid connection string", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    private static Task<OptionsValidationException> StartAsync(Dictionary<string, string?> settings) =>
        Assert.ThrowsAsync<OptionsValidationException>(() => ServerHarness.StartAsync(new Dictionary<string, string>(), settings));
}
