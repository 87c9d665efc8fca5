using System.ComponentModel.DataAnnotations;

namespace DrillRunner.Probes.Canary;

/// <summary>The canary's read path: how one acknowledged write is fetched back, and what it must contain.</summary>
public sealed class CanaryReadOptions : IValidatableObject
{
    [RegularExpression("^[A-Z]{3,7}$", ErrorMessage = "must be an HTTP method such as GET")]
    public string Method { get; init; } = "GET";

    /// <summary>Absolute URL naming one write by <c>${id}</c> (or <c>${sequence}</c>).</summary>
    [Required]
    public string Url { get; init; } = "";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>JSONPath to expected value (a template), e.g. <c>$.userId: canary-${runId}-${sequence}</c>; a mismatch is a lost write.</summary>
    public IReadOnlyDictionary<string, string> Expect { get; init; } = new Dictionary<string, string>();

    /// <summary>Statuses that mean the write does not exist (lost); other failures leave it unreadable.</summary>
    public IReadOnlyList<int> MissingStatus { get; init; } = CanaryConstants.DefaultMissingStatus;

    [Range(1, 64)]
    public int Concurrency { get; init; } = CanaryConstants.DefaultReadConcurrency;

    /// <summary>Tries per write before it counts as unreadable (reads are retried; writes never are).</summary>
    [Range(1, 10)]
    public int Attempts { get; init; } = CanaryConstants.DefaultReadAttempts;

    /// <summary>How long one verification round may take; writes not read by then are unreadable.</summary>
    public TimeSpan Deadline { get; init; } = CanaryConstants.DefaultReadDeadline;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CanaryTemplate.UrlProblem(Url, readPath: true) is { } url)
        {
            yield return new ValidationResult(url, [nameof(Url)]);
        }
        else if (!CanaryTemplate.Placeholders(Url).Any(p => p is CanaryConstants.Id or CanaryConstants.Sequence))
        {
            yield return new ValidationResult("must name the write it reads, by ${id} (or ${sequence})", [nameof(Url)]);
        }

        if (Headers.Values.Select(v => CanaryTemplate.Problem(v, readPath: true)).FirstOrDefault(p => p is not null) is { } header)
        {
            yield return new ValidationResult(header, [nameof(Headers)]);
        }

        if (Expect.Keys.Select(CanaryJson.PathProblem).Concat(Expect.Values.Select(v => CanaryTemplate.Problem(v, readPath: true)))
            .FirstOrDefault(p => p is not null) is { } expect)
        {
            yield return new ValidationResult(expect, [nameof(Expect)]);
        }

        if (Deadline < TimeSpan.FromSeconds(1))
        {
            yield return new ValidationResult("must be at least 1s", [nameof(Deadline)]);
        }
    }
}
