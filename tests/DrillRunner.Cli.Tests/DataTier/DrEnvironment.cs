namespace DrillRunner.Cli.Tests.DataTier;

/// <summary>One demo-shop-dr environment (Patroni cluster backed up by pgBackRest) per test class.</summary>
public sealed class DrEnvironment : IAsyncLifetime
{
    public HaEnvironment Cluster { get; } = new() { Name = "demo-shop-dr" };

    /// <summary>The shop's load balancer in the test's port block.</summary>
    public Uri Shop => new($"http://127.0.0.1:{Cluster.Workspace.PortBlock + 80}");

    public Task InitializeAsync() => Cluster.InitializeAsync();

    public Task DisposeAsync() => Cluster.DisposeAsync();
}
