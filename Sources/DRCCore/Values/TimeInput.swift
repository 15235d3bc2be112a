/// Every date and time a clerk types or a vendor's file holds, read by one parser: the usual
/// forms (`DateText`: 2020-03-02 14:05, 2020/3/2, 2020年3月2日) first, then the vendors' forms
/// (`VendorTime`: seconds, 下午2:05, 10时30分, full-width digits). `order add` and `edit`, status
/// times, filters, the web and the importer all read times here, so none accepts what another
/// refuses. When neither reads it, the usual forms' reason is given.
public enum TimeInput {
    public static func parse(_ text: String) -> Result<DateText, ValueError> {
        let plain = DateText.parse(text)
        if case .failure = plain, case .success(let date) = VendorTime.parse(text) { return .success(date) }
        return plain
    }
}
