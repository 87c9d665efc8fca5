using DrillRunner.Loading;
using DrillRunner.Testing;

namespace DrillRunner.Core.Tests.Steps.ConfigFiles;

/// <summary>A config-file step with missing or contradictory parts is refused when the drill loads, with file, line and field.</summary>
public sealed class ConfigFileLoadingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("edit: { directive: worker_connections, value: \"4\" }\n    reload: { signal: HUP }", "steps[1].file", "edit and reload need file")]
    [InlineData("file: nginx.conf\n    reload: { signal: HUP }", "steps[1].edit", "is required with file")]
    [InlineData("file: nginx.conf\n    edit: { directive: worker_connections, value: \"4\" }", "steps[1].reload", "is required with file")]
    [InlineData("file: nginx.conf\n    edit: { directive: worker_connections, value: \"4\", line: x, with: y }\n    reload: { signal: HUP }", "steps[1].edit.directive", "exactly one of directive")]
    [InlineData("file: nginx.conf\n    edit: { directive: worker_connections }\n    reload: { signal: HUP }", "steps[1].edit.value", "needs a value")]
    [InlineData("file: nginx.conf\n    edit: { line: \"(unclosed\", with: x }\n    reload: { signal: HUP }", "steps[1].edit.line", "not a regular expression")]
    [InlineData("file: nginx.conf\n    edit: { template: missing.conf }\n    reload: { signal: HUP }", "steps[1].edit", "template 'missing.conf' not found")]
    [InlineData("file: nginx.conf\n    edit: { template: broken.conf }\n    reload: { signal: HUP }", "steps[1].edit", "does not parse")]
    [InlineData("file: nginx.conf\n    edit: { directive: worker_connections, value: \"4\" }\n    reload: { signal: SIGWHATEVER }", "steps[1].reload.signal", "is not a signal")]
    [InlineData("file: nginx.conf\n    edit: { directive: worker_connections, value: \"4\" }\n    reload: { signal: HUP, restart: true }", "steps[1].reload.signal", "exactly one of signal, exec or restart")]
    [InlineData("file: nginx.conf\n    settings: { A: b }\n    edit: { directive: worker_connections, value: \"4\" }\n    reload: { signal: HUP }", "steps[1].settings", "settings or a file, not both")]
    public void A_config_file_step_that_cannot_work_is_refused_with_file_line_and_field(string fields, string field, string message)
    {
        _folder.Write("environments/test-shop.yaml", TestEnvironments.Shop);
        _folder.Write("broken.conf", "events { {% if x %} }");
        var drill = TestEnvironments.KillDrill().Replace(
            "objectives:",
            $"  - kind: misconfigure\n    at: 1s\n    service: lb\n    allowTotalOutage: true\n    {fields}\nobjectives:",
            StringComparison.Ordinal);
        var file = _folder.Write("drill.yaml", drill);

        var ex = Assert.Throws<DrillInputException>(() => new DrillLoader(TestCatalog.Create()).Load(file));

        var problem = Assert.Single(ex.Problems, p => p.Field == field);
        Assert.Equal(file, problem.Location.File);
        Assert.True(problem.Location.Line >= 20, problem.ToString());
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }
}
