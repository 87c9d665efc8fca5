using System.Text.RegularExpressions;

namespace DrillRunner.Cli.Commands;

/// <summary>
/// Turns the configuration binder's "Failed to convert configuration value" exception (a setting of the wrong type,
/// e.g. <c>Storage: PostgSql</c>) into one line naming the setting, the value and, for a choice, what it accepts.
/// </summary>
internal static partial class SettingValueError
{
    [GeneratedRegex("^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex Conversion();

    public static bool TryDescribe(InvalidOperationException exception, out string problem)
    {
        var match = Conversion().Match(exception.Message);
        if (!match.Success)
        {
            problem = "";
            return false;
        }

        var typeName = match.Groups["type"].Value;
        var type = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName)).FirstOrDefault(t => t is not null);
        var accepted = type is { IsEnum: true } ? $"; one of {string.Join(", ", Enum.GetNames(type))}" : $"; expected {Describe(type, typeName)}";
        problem = $"{match.Groups["key"].Value}: '{match.Groups["value"].Value}' is not a valid value{accepted}";
        return true;
    }

    private static string Describe(Type? type, string typeName) => type switch
    {
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(double) => "a number",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(TimeSpan) => "a time span such as 00:00:30",
        _ => $"a {type?.Name ?? typeName}",
    };
}
