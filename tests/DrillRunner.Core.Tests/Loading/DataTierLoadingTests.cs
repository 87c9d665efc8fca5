using DrillRunner.Loading;
using DrillRunner.Steps.ProcessPause;
using DrillRunner.Testing;

namespace DrillRunner.Core.Tests.Loading;

/// <summary>The data tier's environment and drill fields: users, named ports, roles, Debian builds, role targets, process pauses.</summary>
public sealed class DataTierLoadingTests : IDisposable
{
    private const string Environment = """
        name: ha
        driver: local
        services:
          db:
            instances: 2
            port: 19311
            ports: { pg: 19321 }
            user: root
            command: /usr/bin/patroni
            roles: { primary: /primary, replica: /replica }
          app:
            instances: 2
            port: 19381
            command: dotnet
        """;

    private readonly TempFolder _folder = new();
    private readonly DrillLoader _loader = new(TestCatalog.Create());

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_service_user_missing_from_this_machine_is_an_error_naming_file_line_and_field()
    {
        var file = _folder.Write("environments/ha.yaml", Environment.Replace("user: root", "user: no-such-user-here", StringComparison.Ordinal));

        var ex = Assert.Throws<DrillInputException>(() => EnvironmentLoader.Load(file));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("services.db.user", problem.Field);
        Assert.Equal((file, 5), (problem.Location.File, problem.Location.Line));
        Assert.Contains("no user 'no-such-user-here'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Named_ports_roles_and_builds_are_checked_field_by_field()
    {
        var file = _folder.Write("environments/ha.yaml", Environment
            .Replace("ports: { pg: 19321 }", "ports: { pg: 80 }", StringComparison.Ordinal)
            .Replace("replica: /replica", "replica: replica", StringComparison.Ordinal)
            .Replace("command: dotnet", "command: dotnet\n    build: { project: ../shop, debian: [postgresql-15] }", StringComparison.Ordinal));

        var ex = Assert.Throws<DrillInputException>(() => EnvironmentLoader.Load(file));

        Assert.Equal(
            ["services.app.build", "services.db.ports.pg", "services.db.roles.replica"],
            ex.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_step_aimed_at_a_role_the_service_does_not_declare_is_refused_at_load()
    {
        _folder.Write("environments/ha.yaml", Environment);
        var file = _folder.Write("drill.yaml", Drill("""
              - { kind: kill, at: 1s, service: db, role: leader }
              - { kind: kill, at: 2s, service: app, role: primary }
            """));

        var ex = Assert.Throws<DrillInputException>(() => _loader.Load(file));

        Assert.Equal(2, ex.Problems.Count);
        Assert.Contains(ex.Problems, p => p.Field == "steps.role" && p.Location.Line == 7 && p.Message.Contains("declares primary, replica", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Field == "steps.role" && p.Location.Line == 8 && p.Message.Contains("declares no roles", StringComparison.Ordinal));
    }

    [Fact]
    public void A_process_pause_on_the_primary_loads_and_a_bad_pattern_does_not()
    {
        _folder.Write("environments/ha.yaml", Environment);
        var good = _loader.Load(_folder.Write("good.yaml", Drill("      - { kind: pause-process, at: 1s, service: db, role: primary, process: walsender, duration: 5s }")));
        var options = Assert.IsType<ProcessPauseOptions>(good.Steps.Single().Options);
        Assert.Equal(("primary", "walsender"), (options.Role, options.Process));

        var ex = Assert.Throws<DrillInputException>(() => _loader.Load(_folder.Write("bad.yaml", Drill("      - { kind: pause-process, at: 1s, service: db, process: \"wal(sender\" }"))));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("steps[0].process", problem.Field);
        Assert.Contains("not a regular expression", problem.Message, StringComparison.Ordinal);
    }

    private static string Drill(string steps) => $"""
        name: d
        environment: ha
        probes:
          - {"{"} name: up, kind: http, url: "http://127.0.0.1:19311/health", interval: 250ms {"}"}
        objectives: [{"{"} kind: recover, target: 30s {"}"}]
        steps:
        {steps}
        """;
}
