using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace DemoShop.Tests;

/// <summary>A real shop instance on Kestrel in this process, on 127.0.0.1 and the given or an OS-chosen port.</summary>
internal sealed class ShopServer : IAsyncDisposable
{
    public const string ChaosToken = "test-token";

    private readonly WebApplication _app;
    private bool _stopped;

    private ShopServer(WebApplication app)
    {
        _app = app;
        BaseAddress = new Uri(app.Urls.Single());
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public static async Task<ShopServer> StartAsync(IDictionary<string, string?> settings, int port = 0)
    {
        var app = ShopHost.Create([], builder =>
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["Chaos:Token"] = ChaosToken });
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new ShopServer(app);
    }

    /// <summary>Stops the instance as a crash would look to its peers: its port stops answering.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await StopAsync();
        await _app.DisposeAsync();
    }
}
