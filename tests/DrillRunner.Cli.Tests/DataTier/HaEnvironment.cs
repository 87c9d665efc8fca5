namespace DrillRunner.Cli.Tests.DataTier;

/// <summary>
/// One demo-shop-ha environment per test class, brought up with the real `drill env up` and taken down with
/// `drill env down` at the end; <see cref="DownAsync"/> is also what the tests check leaves nothing behind.
/// </summary>
public sealed class HaEnvironment : IAsyncLifetime
{
    private static readonly TimeSpan UpLimit = TimeSpan.FromMinutes(6);

    internal HaWorkspace Workspace { get; } = new();

    public string Driver { get; set; } = "local";

    public string Name { get; set; } = "demo-shop-ha";

    public bool IsUp { get; private set; }

    public string UpOutput { get; private set; } = "";

    public int[] RestPorts => [Workspace.RestPort(1), Workspace.RestPort(2)];

    public string EnvironmentFile => Path.Combine(Workspace.Path, "drills", "environments", Name + ".yaml");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task UpAsync()
    {
        if (IsUp)
        {
            return;
        }

        var (code, output) = await DrillProcess.RunAsync(Workspace.Path, UpLimit, "env", "up", EnvironmentFile, "--driver", Driver);
        UpOutput = output;
        IsUp = true; // A failed up leaves instances too: the class's end takes them down.
        Assert.True(code == 0, $"env up exited {code}:\n{output}");
        Assert.Null(await PatroniCluster.WaitHealthyAsync(TimeSpan.FromSeconds(60), RestPorts));
    }

    public async Task<string> DownAsync()
    {
        var (code, output) = await DrillProcess.RunAsync(Workspace.Path, TimeSpan.FromMinutes(2), "env", "down", EnvironmentFile, "--driver", Driver);
        IsUp = false;
        Assert.True(code == 0, $"env down exited {code}:\n{output}");
        return output;
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (IsUp)
            {
                await DownAsync();
            }
        }
        finally
        {
            Workspace.Dispose();
        }
    }
}
