using System.Text;
using System.Text.RegularExpressions;
using DrillRunner.Docker.Namespaces;

namespace DrillRunner.Docker.Network;

/// <summary>
/// Adds, reads back and deletes tagged rules in a namespace with <c>iptables-restore --noflush</c> (each change is one
/// transaction: all of its rules or none) and <c>iptables-save</c>. Only rules whose comment carries a DrillRunner tag
/// are ever deleted, exactly as the kernel reports them.
/// </summary>
internal sealed partial class Iptables(TimeProvider time)
{
    private static readonly string[] Tables = ["filter", "nat"];

    [GeneratedRegex(@"--comment ""?(drillrunner:[^""\s]+)""?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex CommentPattern();

    public Task AddAsync(ContainerNamespace ns, IReadOnlyList<IptablesRule> rules, CancellationToken cancellationToken) =>
        RestoreAsync(ns, rules, r => r.InsertLine, cancellationToken);

    public Task DeleteAsync(ContainerNamespace ns, IReadOnlyList<IptablesRule> rules, CancellationToken cancellationToken) =>
        RestoreAsync(ns, rules, r => r.DeleteLine, cancellationToken);

    /// <summary>Every rule whose DrillRunner comment satisfies <paramref name="matches"/>.</summary>
    public async Task<IReadOnlyList<IptablesRule>> ReadAsync(ContainerNamespace ns, Func<string, bool> matches, CancellationToken cancellationToken)
    {
        var rules = new List<IptablesRule>();
        foreach (var table in Tables)
        {
            var saved = (await ns.RunAsync("iptables-save", ["-t", table], time, cancellationToken).ConfigureAwait(false)).ThrowIfFailed();
            foreach (var line in saved.Output.Split('\n'))
            {
                if (!line.StartsWith("-A ", StringComparison.Ordinal) || CommentPattern().Match(line) is not { Success: true } comment || !matches(comment.Groups[1].Value))
                {
                    continue;
                }

                var parts = line[3..].Split(' ', 2);
                rules.Add(new IptablesRule(table, parts[0], parts.Length > 1 ? parts[1] : "", comment.Groups[1].Value));
            }
        }

        return rules;
    }

    private async Task RestoreAsync(ContainerNamespace ns, IReadOnlyList<IptablesRule> rules, Func<IptablesRule, string> line, CancellationToken cancellationToken)
    {
        if (rules.Count == 0)
        {
            return;
        }

        var input = new StringBuilder();
        foreach (var group in rules.GroupBy(r => r.Table, StringComparer.Ordinal))
        {
            input.Append('*').Append(group.Key).Append('\n');
            foreach (var rule in group)
            {
                input.Append(line(rule)).Append('\n');
            }

            input.Append("COMMIT\n");
        }

        (await ns.RunAsync("iptables-restore", ["--noflush", "--wait"], time, cancellationToken, input.ToString()).ConfigureAwait(false)).ThrowIfFailed();
    }
}
