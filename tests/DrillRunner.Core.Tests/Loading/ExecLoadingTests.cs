using DrillRunner.Loading;
using DrillRunner.Testing;

namespace DrillRunner.Core.Tests.Loading;

/// <summary>Bad <c>exec</c> steps are refused at load with file, line and field; a good one loads.</summary>
public sealed class ExecLoadingTests : IDisposable
{
    private const string Environment = """
        name: dr
        driver: local
        services:
          db:
            instances: 2
            port: 19411
            command: /usr/bin/patroni
            roles: { primary: /primary }
        """;

    private readonly TempFolder _folder = new();
    private readonly DrillLoader _loader = new(TestCatalog.Create());

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_good_exec_step_loads()
    {
        _folder.Write("environments/dr.yaml", Environment);

        var drill = _loader.Load(_folder.Write("good.yaml", Drill("  - { kind: exec, at: 1s, service: db, role: primary, command: [pgbackrest, info], timeout: 30s, retries: 2 }")));

        Assert.Single(drill.Steps);
    }

    [Theory]
    [InlineData("{ kind: exec, at: 1s, service: db, command: [] }", "steps.command", "is empty")]
    [InlineData("{ kind: exec, at: 1s, service: nosuch, command: [true] }", "steps.service", "nosuch")]
    [InlineData("{ kind: exec, at: 1s, service: db, command: [true], timeout: 25h }", "steps.timeout", "beyond")]
    [InlineData("{ kind: exec, at: 1s, service: db, command: [true], instance: 3 }", "steps.instance", "2 instance(s)")]
    [InlineData("{ kind: exec, at: 1s, service: db, command: [true], role: leader }", "steps.role", "no role 'leader'")]
    [InlineData("{ kind: exec, at: 1s, service: db, command: [ls, '{data}'] }", "steps.command", "declares none")]
    public void A_bad_exec_step_is_refused_naming_file_line_and_field(string step, string field, string message)
    {
        _folder.Write("environments/dr.yaml", Environment);
        var file = _folder.Write("bad.yaml", Drill("  - " + step));

        var ex = Assert.Throws<DrillInputException>(() => _loader.Load(file));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(field, problem.Field);
        Assert.Equal((file, 7), (problem.Location.File, problem.Location.Line));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    private static string Drill(string steps) => $"""
        name: d
        environment: dr
        probes:
          - {"{"} name: up, kind: http, url: "http://127.0.0.1:19411/health", interval: 250ms {"}"}
        objectives: [{"{"} kind: recover, target: 30s {"}"}]
        steps:
        {steps}
        """;
}
