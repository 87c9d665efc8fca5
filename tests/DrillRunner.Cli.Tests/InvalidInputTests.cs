namespace DrillRunner.Cli.Tests;

public sealed class InvalidInputTests : IDisposable
{
    private readonly DemoWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task A_drill_with_a_typo_a_bad_duration_and_an_unknown_kind_exits_2_listing_all_three_and_touches_nothing()
    {
        _workspace.Write("drills/bad.yaml", """
            name: bad
            environment: demo-shop
            probes:
              - name: products
                kind: http
                url: ${endpoints.shop}/products
                intervall: 500ms
            steps:
              - kind: kill
                at: 5x
                service: app
              - kind: explode
                at: 10s
            """);

        var (code, output) = await DrillProcess.RunAsync(_workspace.Path, TimeSpan.FromMinutes(2), "run", "drills/bad.yaml");

        Assert.Equal(2, code);
        Assert.Contains("drills/bad.yaml:7:5: probes[0].intervall: unknown field (did you mean 'interval'?)", output, StringComparison.Ordinal);
        Assert.Contains("drills/bad.yaml:10:9: steps[0].at: '5x' is not a duration", output, StringComparison.Ordinal);
        Assert.Contains("drills/bad.yaml:12:11: steps[1].kind: unknown kind 'explode'", output, StringComparison.Ordinal);
        Assert.Contains("3 problem(s); nothing was run.", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_workspace.StateDirectory, "local")), "the environment was touched");
    }

    [Fact]
    public async Task Serve_with_a_setting_of_the_wrong_kind_exits_2_naming_the_setting_and_what_it_accepts()
    {
        _workspace.Write("appsettings.json", """{ "DrillRunner": { "Storage": "PostgSql" } }""");

        var (code, output) = await DrillProcess.RunAsync(_workspace.Path, TimeSpan.FromMinutes(2), "serve", "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, code);
        Assert.Contains("error: DrillRunner:Storage: 'PostgSql' is not a valid value; one of InMemory, PostgreSql", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_accepts_the_shipped_drills_and_environments()
    {
        var (code, output) = await DrillProcess.RunAsync(DemoWorkspace.RepositoryRoot, TimeSpan.FromMinutes(2), "validate", "drills");

        Assert.True(code == 0, output);
        Assert.DoesNotContain("error", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_protected_environment_is_refused_before_anything_starts()
    {
        var environment = await File.ReadAllTextAsync(Path.Combine(_workspace.Path, "drills/environments/demo-shop.yaml"));
        _workspace.Write("drills/environments/demo-shop.yaml", environment.Replace("protected: false", "protected: true", StringComparison.Ordinal));

        var (code, output) = await DrillProcess.RunAsync(_workspace.Path, TimeSpan.FromMinutes(2), "run", "drills/node-loss.yaml", "--driver", "local");

        Assert.Equal(2, code);
        Assert.Contains("is protected; DrillRunner never drills it", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_workspace.StateDirectory, "local")));
    }

    [Fact]
    public async Task A_dry_run_of_a_protected_environment_exits_2_and_prints_no_plan()
    {
        var environment = await File.ReadAllTextAsync(Path.Combine(_workspace.Path, "drills/environments/demo-shop.yaml"));
        _workspace.Write("drills/environments/demo-shop.yaml", environment.Replace("protected: false", "protected: true", StringComparison.Ordinal));

        var (code, output) = await DrillProcess.RunAsync(_workspace.Path, TimeSpan.FromMinutes(2), "run", "drills/node-loss.yaml", "--dry-run", "--driver", "local");

        Assert.True(code == 2, $"exit {code}\n{output}");
        Assert.Contains("drills/environments/demo-shop.yaml:1:1: protected: environment 'demo-shop' is protected; DrillRunner never drills it", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Dry run: nothing was changed", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_workspace.StateDirectory, "local")));
    }

    [Fact]
    public async Task Validate_refuses_an_empty_a_key_only_and_an_unanchored_selector_with_file_line_and_field()
    {
        _workspace.Write("drills/environments/adopted.yaml", """
            name: adopted
            driver: docker
            services:
              blank:
                selector: { label: "" }
              keyonly:
                selector: { label: team }
              slow:
                selector: { namePattern: slow }
            """);

        var (code, output) = await DrillProcess.RunAsync(_workspace.Path, TimeSpan.FromMinutes(2), "validate", "drills/environments/adopted.yaml");

        Assert.Equal(2, code);
        Assert.Contains("drills/environments/adopted.yaml:5:15: services.blank.selector: has no label and no namePattern", output, StringComparison.Ordinal);
        Assert.Contains("drills/environments/adopted.yaml:7:15: services.keyonly.selector.label: 'team' has no value", output, StringComparison.Ordinal);
        Assert.Contains("drills/environments/adopted.yaml:9:15: services.slow.selector.namePattern: 'slow' is not anchored", output, StringComparison.Ordinal);
    }
}
