using DrillRunner.Drivers;
using DrillRunner.Model;
using DrillRunner.Steps.Instances;

namespace DrillRunner.Guardrails;

/// <summary>For a dry run: which instances a step would pick from now, and how many it would hit.</summary>
public static class TargetPreview
{
    public static async Task<string> DescribeAsync(IEnvironmentDriver driver, StepOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(driver);
        var service = (options as IServiceStepOptions)?.Service;
        if (service is null)
        {
            return "";
        }

        var all = await driver.ListInstancesAsync(service, cancellationToken);
        if (options is not TargetedStepOptions targeted)
        {
            return $"service {service} ({all.Count} instance(s) now)";
        }

        // The engine's TargetPicker picks among the running instances only.
        var running = all.Where(i => i.State == InstanceState.Running).Select(i => i.Id).ToList();
        return running.Count == 0
            ? $"nothing: no running instance of {service}"
            : $"{Math.Min(TargetPicker.CountFor(targeted, all.Count), running.Count)} of {string.Join(", ", running)}";
    }
}
