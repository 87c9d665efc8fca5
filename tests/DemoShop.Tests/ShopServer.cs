using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
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

    // The LB's first health round runs at start-up, but on a loaded machine it may time out; wait it out.
    public async Task WaitForHealthyBackendsAsync(int expected)
    {
        var stopwatch = Stopwatch.StartNew();
        var healthy = 0;
        while (healthy < expected && stopwatch.Elapsed < TimeSpan.FromSeconds(10))
        {
            var backends = await Client.GetFromJsonAsync<JsonElement>("/lb/backends");
            healthy = backends.EnumerateArray().Count(b => b.GetProperty("healthy").GetBoolean());
            if (healthy < expected)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
            }
        }

        Assert.Equal(expected, healthy);
    }

    /// <summary>A call to the instance's <c>/_chaos</c> control endpoint, as the runner makes it.</summary>
    public async Task<HttpResponseMessage> ControlAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ChaosToken);
        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await StopAsync();
        await _app.DisposeAsync();
    }
}
