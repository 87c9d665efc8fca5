using DrillRunner.Loading;
using DrillRunner.Testing;

namespace DrillRunner.Core.Tests.Loading;

/// <summary>
/// A selector that would match containers of other environments is refused when the environment file loads, with
/// the file, the selector's line and the field: an empty or key-only label, an unanchored or match-all name pattern.
/// </summary>
public sealed class SelectorLoadingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("{ label: \"\" }", "services.legacy.selector", "would match every container on the engine")]
    [InlineData("{ label: \"   \" }", "services.legacy.selector.label", "is empty")]
    [InlineData("{ label: team }", "services.legacy.selector.label", "has no value")]
    [InlineData("{ label: \"team=\" }", "services.legacy.selector.label", "empty value")]
    [InlineData("{ label: \"=shop\" }", "services.legacy.selector.label", "has no key")]
    [InlineData("{ namePattern: slow }", "services.legacy.selector.namePattern", "is not anchored")]
    [InlineData("{ namePattern: \"^slow\" }", "services.legacy.selector.namePattern", "is not anchored")]
    [InlineData("{ namePattern: \"slow$\" }", "services.legacy.selector.namePattern", "is not anchored")]
    [InlineData("{ namePattern: \"\" }", "services.legacy.selector", "would match every container on the engine")]
    [InlineData("{ namePattern: \"^.*$\" }", "services.legacy.selector.namePattern", "matches any container name")]
    [InlineData("{ namePattern: \"^[a-z0-9-]+$\" }", "services.legacy.selector.namePattern", "matches any container name")]
    [InlineData("{ namePattern: \"^(legacy$\" }", "services.legacy.selector.namePattern", "not a valid regular expression")]
    [InlineData("{ }", "services.legacy.selector", "has no label and no namePattern")]
    [InlineData("{ label: \"\", namePattern: \"\" }", "services.legacy.selector", "would match every container on the engine")]
    public void An_unsafe_selector_is_refused_with_file_line_and_field(string selector, string field, string message)
    {
        var file = _folder.Write("environments/adopted.yaml", Environment(selector));

        var ex = Assert.Throws<DrillInputException>(() => EnvironmentLoader.Load(file));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(file, problem.Location.File);
        Assert.Equal(7, problem.Location.Line);
        Assert.Equal(field, problem.Field);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ label: \"team=shop\" }")]
    [InlineData("{ namePattern: \"^legacy-app-[0-9]+$\" }")]
    [InlineData("{ label: \"team=shop\", namePattern: \"^legacy-(app|db)$\" }")]
    public void A_key_value_label_and_an_anchored_pattern_load(string selector)
    {
        var spec = EnvironmentLoader.Load(_folder.Write("environments/adopted.yaml", Environment(selector)));

        Assert.NotNull(spec.Services["legacy"].Selector);
    }

    [Fact]
    public void A_drill_on_an_environment_with_an_unsafe_selector_does_not_load()
    {
        _folder.Write("environments/adopted.yaml", Environment("{ namePattern: slow }"));
        var drill = _folder.Write("kill.yaml", """
            name: kill-legacy
            environment: adopted
            steps:
              - { name: kill, kind: kill, at: 1s, service: legacy, percent: 50% }
            """);

        var ex = Assert.Throws<DrillInputException>(() => new DrillLoader(TestCatalog.Create()).Load(drill));

        Assert.Contains(ex.Problems, p => p.Field == "services.legacy.selector.namePattern" && p.Location.File.EndsWith("adopted.yaml", StringComparison.Ordinal));
    }

    private static string Environment(string selector) => $$"""
        name: adopted
        driver: docker
        allowlist: [127.0.0.1]
        services:
          legacy:
            instances: 2
            selector: {{selector}}
        """;
}
