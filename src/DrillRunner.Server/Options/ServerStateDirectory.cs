using Microsoft.Extensions.Configuration;

namespace DrillRunner.Options;

/// <summary>
/// The state folder <c>drill serve</c> would use here: <c>--state-dir</c>, else <c>DrillRunner:StateDirectory</c> from
/// appsettings.json (and appsettings.{environment}.json) in the current folder or a <c>DrillRunner__StateDirectory</c>
/// environment variable, else <c>.drillrunner</c>. Commands that edit the server's files (<c>drill apikey</c>) use it.
/// </summary>
public static class ServerStateDirectory
{
    public static string Resolve(string? stateDirOption)
    {
        if (!string.IsNullOrEmpty(stateDirOption))
        {
            return stateDirOption;
        }

        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        return configuration[$"{DrillServerOptions.Section}:{nameof(DrillServerOptions.StateDirectory)}"] is { Length: > 0 } configured
            ? configured
            : new DrillServerOptions().StateDirectory;
    }
}
