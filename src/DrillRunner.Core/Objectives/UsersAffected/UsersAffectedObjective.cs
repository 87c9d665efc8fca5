using DrillRunner.Scoring;
using DrillRunner.Timeline;

namespace DrillRunner.Objectives.UsersAffected;

/// <summary>
/// Share of synthetic users with at least one failed request, from the traffic summaries: distinct affected users of
/// all sources over distinct users of all sources (a surge sending as the baseline's users adds no users). Scores 1
/// within the bound, falling linearly to 0 at twice the bound.
/// </summary>
internal sealed class UsersAffectedObjective(UsersAffectedOptions options) : IObjective
{
    public string Kind => "users-affected";

    public double DefaultWeight => 20;

    public bool IsGate => false;

    public ObjectiveResult Evaluate(ScoringInput input, double weight)
    {
        Bound[] target = [Bound.AtMostRatio(Measures.UsersAffected, options.Max.Fraction)];
        var summaries = input.Timeline.TrafficSummaries;
        var users = TrafficUsers.Of(summaries);
        var total = users.Total;
        if (total == 0)
        {
            return new ObjectiveResult(Kind, target, [], false, 0, weight, IsGate, "no traffic summary (add a traffic step)", Unmeasured: "no data");
        }

        var affected = users.Affected;
        var share = (double)affected / total;
        var bound = options.Max.Fraction;
        var met = share <= bound;
        var score = met ? 1 : bound <= 0 ? 0 : Math.Clamp(2 - (share / bound), 0, 1);
        return new ObjectiveResult(Kind, target, [Measurement.Ratio(Measures.UsersAffected, share)], met, score, weight, IsGate,
            $"{affected} of {total} {(users.Distinct ? "distinct " : "")}synthetic users saw at least one failed request (by source: {string.Join(", ", summaries.Select(s => $"{s.Source} {s.UsersAffected} of {s.UsersTotal}"))})",
            met ? null : "Contain the blast radius: retry idempotent requests on another instance, keep sessions off single nodes, isolate tenants or cells so one failure reaches few users, and degrade features instead of failing whole requests.");
    }
}
