namespace AlertWorker.Matching;

/// <summary>At least one child must match.</summary>
internal sealed class CompiledOr(CompiledNode[] children) : CompiledNode
{
    public override bool Evaluate(MatchDocument document, TermCache cache)
    {
        foreach (var child in children)
        {
            if (child.Evaluate(document, cache))
            {
                return true;
            }
        }

        return false;
    }

    public override void CollectPositiveTerms(List<CompiledTerm> terms)
    {
        foreach (var child in children)
        {
            child.CollectPositiveTerms(terms);
        }
    }

    public override List<AnchorKey>? Anchors()
    {
        var all = new List<AnchorKey>();
        foreach (var child in children)
        {
            var anchors = child.Anchors();
            if (anchors is null)
            {
                return null;
            }

            all.AddRange(anchors);
        }

        return all;
    }
}
