using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace DrillRunner.Chaos.Tests.Endpoints;

/// <summary>A tiny real service on Kestrel (127.0.0.1, port chosen by the OS) with the chaos library added.</summary>
internal sealed class ChaosTestHost : IAsyncDisposable
{
    public const string Token = "s3cret-token";

    private readonly WebApplication _app;

    private ChaosTestHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<ChaosTestHost> StartAsync(string? token = Token)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Chaos:Token"] = token,
            ["Demo:Greeting"] = "hello",
        });
        builder.Services.AddDrillChaos(builder.Configuration.GetSection("Chaos"), o => o.AddLiveSetting("Demo:Greeting"));
        var app = builder.Build();
        app.MapDrillChaos();
        app.MapGet("/orders", () => "orders");
        app.MapGet("/products", () => "products");
        app.MapGet("/greeting", (IConfiguration configuration) => configuration["Demo:Greeting"]);
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(10) };
        return new ChaosTestHost(app, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
