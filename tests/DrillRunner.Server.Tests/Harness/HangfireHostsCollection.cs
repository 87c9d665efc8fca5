namespace DrillRunner.Server.Tests.Harness;

/// <summary>
/// Test classes that start in-process servers run one at a time: Hangfire keeps some configuration process-wide
/// (JobStorage.Current, JobActivator.Current), and a server configured while another runs jobs could activate
/// those jobs from the wrong container. A real deployment has one server per process.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HangfireHostsCollection
{
    public const string Name = "in-process servers";
}
