using System.ComponentModel.DataAnnotations;

namespace DrillRunner.Model;

/// <summary>
/// A command <c>env up</c> runs in an instance of a service once every instance is ready, e.g. creating a backup
/// stanza and taking the first full backup. Run in order, in the instance holding <see cref="Role"/> (or number
/// <see cref="Instance"/>, or the first), with the service's settings, user and working directory; a nonzero exit
/// fails <c>env up</c> with the command's output.
/// </summary>
public sealed class SetupCommand
{
    public string? Name { get; init; }

    /// <summary>Program and arguments (no shell); may use the instance placeholders (<c>{port}</c>, <c>{data}</c>, ...).</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    public string? Role { get; init; }

    [Range(1, 50)]
    public int? Instance { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>One line for messages: the name, or the command.</summary>
    public string Label => Name ?? string.Join(' ', Command);
}
