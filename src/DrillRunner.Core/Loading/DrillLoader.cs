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
    [GeneratedRegex(@"\$\{(endpoints|objectives)\.([A-Za-z0-9_-]+)\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex EnvironmentReference();

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
            lines[i] = EnvironmentReference().Replace(lines[i], m =>
            {
                var (value, problem) = m.Groups[1].Value == "endpoints" ? Endpoint(environment, m.Groups[2].Value) : Objective(environment, m.Groups[2].Value);
                if (problem is not null)
                {
                    problems.Add(new SourceLocation(file, lineNumber, m.Index + 1), m.Value, problem);
                }

                return value ?? m.Value;
            });
        }

        return string.Join('\n', lines);
    }

    private static (string? Value, string? Problem) Endpoint(EnvironmentSpec environment, string name) =>
        environment.Endpoints.TryGetValue(name, out var url)
            ? (url.TrimEnd('/'), null)
            : (null, $"environment '{environment.Name}' has no endpoint '{name}' (has: {string.Join(", ", environment.Endpoints.Keys)})");

    // The environment's declared RTO and RPO, so a drill's gates follow what its owners promised.
    private static (string? Value, string? Problem) Objective(EnvironmentSpec environment, string name)
    {
        var value = name switch
        {
            "rto" => environment.Objectives.Rto,
            "rpo" => environment.Objectives.Rpo,
            _ => null,
        };
        return value is { } declared
            ? (Exact(declared), null)
            : (null, name is "rto" or "rpo"
                ? $"environment '{environment.Name}' declares no {name} objective; add objectives: {{ {name}: 5m }} to {Path.GetFileName(environment.SourceFile)}"
                : $"unknown objective '{name}'; an environment declares objectives.rto and objectives.rpo");
    }

    // A duration as text that parses back to exactly the same value (Format rounds to a tenth of a second).
    private static string Exact(TimeSpan value)
    {
        var text = Units.DurationParser.Format(value);
        return Units.DurationParser.TryParse(text, out var back, out _) && back == value
            ? text
            : value.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms";
    }

    internal static string Label(Model.StepOptions options, int index) =>
        options.Name ?? $"{options.Kind}@{Units.DurationParser.Format(options.At)}#{(index + 1).ToString(CultureInfo.InvariantCulture)}";
}
