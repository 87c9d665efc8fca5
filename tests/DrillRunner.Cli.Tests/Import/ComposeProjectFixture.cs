using System.Diagnostics;
using DrillRunner.Testing;

namespace DrillRunner.Cli.Tests.Import;

/// <summary>A Docker Compose project started with Debian's <c>docker-compose</c> under a unique name; <c>down</c> on dispose.</summary>
internal sealed class ComposeProjectFixture : IAsyncDisposable
{
    private readonly TempFolder _folder = new();

    private readonly string? _dockerHost;

    private ComposeProjectFixture(string name, string? dockerHost)
    {
        Name = name;
        _dockerHost = dockerHost;
    }

    public string Name { get; }

    /// <summary>Starts the project on the shared engine, or on the one at <paramref name="dockerHost"/> (DOCKER_HOST).</summary>
    public static async Task<ComposeProjectFixture> UpAsync(string prefix, string composeYaml, string? dockerHost = null)
    {
        var project = new ComposeProjectFixture(prefix + Guid.NewGuid().ToString("N")[..10], dockerHost);
        project._folder.Write("docker-compose.yml", composeYaml);
        var (code, output) = await project.RunAsync("up", "-d");
        if (code != 0)
        {
            await project.DisposeAsync();
            throw new InvalidOperationException($"docker-compose up failed ({code}): {output}");
        }

        return project;
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync("down", "--timeout", "2");
        _folder.Dispose();
    }

    private async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("docker-compose") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder.Path };
        if (_dockerHost is not null)
        {
            info.Environment["DOCKER_HOST"] = _dockerHost;
        }

        foreach (var arg in new[] { "-p", Name, "-f", Path.Combine(_folder.Path, "docker-compose.yml") }.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2), TimeProvider.System);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
