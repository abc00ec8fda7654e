namespace SeoulPolicyPortal.Web.Infrastructure;

public static class XmlSafe
{
    /// <summary>
    /// Removes what XML 1.0 cannot carry (control characters other than tab and line breaks, lone surrogates), so that
    /// whatever an editor typed cannot make a workbook or a feed fail to write.
    /// </summary>
    public static string Text(string text)
    {
        if (!text.Any(c => !System.Xml.XmlConvert.IsXmlChar(c)))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (System.Xml.XmlConvert.IsXmlChar(text[i]))
            {
                builder.Append(text[i]);
            }
            else if (i + 1 < text.Length && System.Xml.XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                builder.Append(text, i, 2);
                i++;
            }
        }

        return builder.ToString();
    }
}
