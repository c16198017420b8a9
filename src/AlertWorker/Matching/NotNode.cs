namespace AlertWorker.Matching;

/// <summary>An exclusion: the operand must not match (<c>-sports</c>, <c>NOT sports</c>, <c>-(a OR b)</c>).</summary>
/// <param name="Operand">A term or a group.</param>
public sealed record NotNode(QueryNode Operand) : QueryNode
{
    /// <inheritdoc />
    public override string ToString() =>
        "-" + (Operand is AndNode or OrNode ? "(" + Operand + ")" : Operand.ToString());
}
