using DrillRunner.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace DrillRunner;

/// <summary>The composition root of <c>drill serve</c>: appsettings.json, environment variables, API, Hangfire, metrics.</summary>
public static class ServerApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Builds the server; <paramref name="configure"/> lets callers (the CLI, tests) add settings and services.</summary>
    public static WebApplication Create(string? urls = null, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration.AddEnvironmentVariables();
        builder.WebHost.UseUrls(urls ?? DefaultUrl);
        configure?.Invoke(builder);
        builder.Services.AddDrillServer(builder.Configuration);
        var app = builder.Build();
        app.MapDrillApi();
        return app;
    }
}
