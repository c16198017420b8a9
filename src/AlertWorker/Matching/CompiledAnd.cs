namespace AlertWorker.Matching;

/// <summary>All children must match.</summary>
internal sealed class CompiledAnd(CompiledNode[] children) : CompiledNode
{
    public override bool Evaluate(MatchDocument document, TermCache cache)
    {
        foreach (var child in children)
        {
            if (!child.Evaluate(document, cache))
            {
                return false;
            }
        }

        return true;
    }

    public override void CollectPositiveTerms(List<CompiledTerm> terms)
    {
        foreach (var child in children)
        {
            child.CollectPositiveTerms(terms);
        }
    }

    /// <summary>The cheapest child's anchors: any one required child is enough to filter candidates.</summary>
    public override List<AnchorKey>? Anchors()
    {
        List<AnchorKey>? best = null;
        foreach (var child in children)
        {
            var anchors = child.Anchors();
            if (anchors is not null && (best is null || Cost(anchors) < Cost(best)))
            {
                best = anchors;
            }
        }

        return best;
    }

    private static int Cost(List<AnchorKey> anchors)
    {
        var cost = 0;
        foreach (var anchor in anchors)
        {
            // Prefix anchors and very short tokens are looked up more often and match more items.
            cost += 100 + (anchor.IsPrefix ? 50 : 0) + Math.Max(0, 6 - anchor.Text.Length) * 10;
        }

        return cost;
    }
}
