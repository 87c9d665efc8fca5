using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrillRunner.Security;

/// <summary>
/// A server with no API key at all would let nobody in, or tempt someone to open it up: on such a first start, create
/// an admin key in the key store, keep only its hash, and print the key once on the console with how to sign in.
/// </summary>
internal sealed class FirstRunKey(ApiKeyRegistry keys, IHostApplicationLifetime lifetime, IServer server, TimeProvider time, ILogger<FirstRunKey> log)
    : IHostedService
{
    public const string Name = "admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!keys.IsEmpty)
        {
            return;
        }

        string key;
        try
        {
            key = await keys.Store.CreateAsync(Name, Roles.Admin, time, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return; // Another server on the same state folder created it first; it printed the key.
        }

        log.LogWarning("No API key was configured: created admin key '{Name}' in {File} (hash only); the key is printed once on the console", Name, keys.Store.FilePath);
        lifetime.ApplicationStarted.Register(() => Console.Out.Write(Notice(key, keys.Store.FilePath, Addresses())));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static string Notice(string key, string file, IReadOnlyCollection<string> addresses)
    {
        var where = addresses.Count > 0 ? string.Join(" or ", addresses.Select(a => a.TrimEnd('/') + "/")) : "the server's address";
        return $"""

            No API key was configured, so DrillRunner created one with the admin role:

                {key}

            It is shown only this once; only its hash is kept ({file}).
            Sign in to the dashboard at {where} with it, or send it in the X-Api-Key header.
            More keys: drill apikey new --role operator NAME   (drill apikey list; drill apikey remove NAME)

            """;
    }

    private string[] Addresses() => [.. server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []];
}
