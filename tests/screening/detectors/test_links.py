

def test_a_domain_named_for_pornography_is_flagged_without_a_list_entry(screener):
    result = screener.check("Bored on my break, anyone want the link? www.pornhub.com/view_video.php?viewkey=1")
    finding = next(f for f in result.findings if f.detector == "links")
    assert finding.clause == "6.4(a)" and "pornography" in finding.explanation
