using System.Text.Json.Serialization;

namespace DrillRunner.Timeline;

/// <summary>
/// A set of synthetic user numbers (u1..uN) as sorted, disjoint, inclusive ranges: a traffic source's users fit in a
/// few ranges whatever N is. Sources that send as the same users (a surge <c>of</c> a baseline) share numbers, so the
/// union of their sets counts each user once.
/// </summary>
public sealed record UserSet
{
    public static readonly UserSet Empty = new([]);

    [JsonConstructor]
    public UserSet(IReadOnlyList<UserRange> ranges) => Ranges = ranges;

    public IReadOnlyList<UserRange> Ranges { get; }

    [JsonIgnore]
    public long Count => Ranges.Sum(r => (long)r.Last - r.First + 1);

    /// <summary>The users whose flag is set; index 0 is unused (users are numbered from 1).</summary>
    public static UserSet FromFlags(IReadOnlyList<bool> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var ranges = new List<UserRange>();
        var start = -1;
        for (var i = 1; i <= flags.Count; i++)
        {
            var on = i < flags.Count && flags[i];
            if (on && start < 0)
            {
                start = i;
            }
            else if (!on && start >= 0)
            {
                ranges.Add(new UserRange(start, i - 1));
                start = -1;
            }
        }

        return new UserSet(ranges);
    }

    public static UserSet Union(IEnumerable<UserSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var merged = new List<UserRange>();
        foreach (var range in sets.SelectMany(s => s.Ranges).OrderBy(r => r.First))
        {
            if (merged.Count > 0 && range.First <= merged[^1].Last + 1)
            {
                merged[^1] = merged[^1] with { Last = Math.Max(merged[^1].Last, range.Last) };
            }
            else
            {
                merged.Add(range);
            }
        }

        return new UserSet(merged);
    }

    public bool Equals(UserSet? other) => other is not null && Ranges.SequenceEqual(other.Ranges);

    public override int GetHashCode() => Ranges.Count == 0 ? 0 : HashCode.Combine(Ranges.Count, Ranges[0], Ranges[^1]);
}

/// <summary>Users <see cref="First"/> to <see cref="Last"/>, both included.</summary>
public sealed record UserRange(int First, int Last);
