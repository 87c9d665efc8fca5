using System.Globalization;
using System.Text.RegularExpressions;
using DrillRunner.Catalog;
using DrillRunner.Guardrails;
using DrillRunner.Model;

namespace DrillRunner.Loading;

/// <summary>
/// Loads a drill file and its environment, binds every part through the catalog and checks them against
/// each other. Throws <see cref="DrillInputException"/> listing every problem; nothing is created on failure.
/// </summary>
public sealed partial class DrillLoader(DrillCatalog catalog)
{
    [GeneratedRegex(@"\$\{endpoints\.([A-Za-z0-9_-]+)\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex EndpointReference();

    /// <summary>Loads a drill; <paramref name="environmentOverride"/> replaces the file named by the drill.</summary>
    public LoadedDrill Load(string drillPath, string? environmentOverride = null)
    {
        var problems = new ProblemList();
        var file = Path.GetFullPath(drillPath);
        if (!FileText.TryRead(file, problems, out var text))
        {
            problems.ThrowIfAny();
        }

        var environmentFile = environmentOverride ?? FindEnvironmentFile(file, text);
        var environment = environmentFile is null ? null : EnvironmentLoader.Read(environmentFile, problems, catalog);
        if (environment is not null)
        {
            text = Substitute(file, text, environment, problems);
        }

        var root = YamlDocumentReader.Read(file, text, problems);
        var spec = root is null ? null : new YamlBinder(file, problems, catalog).BindRoot<DrillSpec>(root);
        if (spec is not null && environmentFile is null)
        {
            problems.Add(new SourceLocation(file, 1, 1), "environment", $"environment '{spec.Environment}' not found (looked for {ExpectedEnvironmentPath(file, spec.Environment)})");
        }

        if (spec is null || environment is null)
        {
            problems.ThrowIfAny();
            throw new DrillInputException(new FileProblem(new SourceLocation(file, 1, 1), "", "the drill could not be read"));
        }

        var drill = DrillChecker.Check(spec, environment, file, catalog, problems);
        foreach (var problem in GuardrailCheck.Run(drill, catalog).Problems)
        {
            problems.Add(problem.Location, problem.Field, problem.Message);
        }

        problems.ThrowIfAny();
        return drill;
    }

    /// <summary>Where the environment named in a drill lives: a path, or <c>environments/NAME.yaml</c> beside the drill.</summary>
    public static string ExpectedEnvironmentPath(string drillFile, string environment)
    {
        var folder = Path.GetDirectoryName(drillFile)!;
        return environment.EndsWith(".yaml", StringComparison.Ordinal) || environment.EndsWith(".yml", StringComparison.Ordinal)
            ? Path.GetFullPath(Path.Combine(folder, environment))
            : Path.Combine(folder, "environments", environment + ".yaml");
    }

    private static string? FindEnvironmentFile(string drillFile, string text)
    {
        // Read just the environment name first: endpoints must be known before the rest binds.
        var match = Regex.Match(text, @"^environment:\s*[""']?([^""'\s#]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        if (!match.Success)
        {
            return null;
        }

        var path = ExpectedEnvironmentPath(drillFile, match.Groups[1].Value);
        return File.Exists(path) ? path : null;
    }

    private static string Substitute(string file, string text, EnvironmentSpec environment, ProblemList problems)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            lines[i] = EndpointReference().Replace(lines[i], m =>
            {
                if (environment.Endpoints.TryGetValue(m.Groups[1].Value, out var url))
                {
                    return url.TrimEnd('/');
                }

                problems.Add(new SourceLocation(file, lineNumber, m.Index + 1), m.Value,
                    $"environment '{environment.Name}' has no endpoint '{m.Groups[1].Value}' (has: {string.Join(", ", environment.Endpoints.Keys)})");
                return m.Value;
            });
        }

        return string.Join('\n', lines);
    }

    internal static string Label(Model.StepOptions options, int index) =>
        options.Name ?? $"{options.Kind}@{Units.DurationParser.Format(options.At)}#{(index + 1).ToString(CultureInfo.InvariantCulture)}";
}
