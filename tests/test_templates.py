"""Template masking keeps every offset: columns after {{ }} and {% %} are exact."""
import cta_lint
from cta_lint.sources.templates import mask


def test_mask_keeps_length_and_lines():
    src = "Hi {{ first_name }},\n{% if vip %}VIP{% else %}Friend{% endif %} {# note #}\n"
    m = mask(src)
    assert len(m.text) == len(src)
    assert m.text.count("\n") == src.count("\n")
    assert "first_name" in m.text and "{%" not in m.text and "{#" not in m.text
    # both branches of the conditional stay in the copy
    assert "VIP" in m.text and "Friend" in m.text


def test_finding_column_after_expression_and_control_tag():
    line = '<p>{{ greeting }} {% if promo %}We really need to hit our numbers{% endif %} today.</p>'
    findings = cta_lint.lint_text(line + "\n<p><a href='https://x.example/buy'>Buy now</a></p>\n",
                                  format="html", select=["CTA003"])
    assert [(f.rule, f.line, f.column) for f in findings] == [
        ("CTA003", 1, line.index("We really") + 1)]


def test_handlebars_and_liquid_tags_mask():
    src = "{{#if user}}Hello {{user.name}}{{/if}} {{!-- hidden --}} {% comment %}x{% endcomment %}"
    m = mask(src)
    assert len(m.text) == len(src)
    assert "user.name" in m.text and "hidden" not in m.text and "{{#" not in m.text


def test_unterminated_tag_is_masked_to_end_of_line():
    src = "Hello {{ name\nBuy now today.\n"
    m = mask(src)
    assert m.notes and "unterminated" in m.notes[0][1]
    assert m.text.splitlines()[1] == "Buy now today."


def test_template_expression_inside_a_markdown_link_keeps_the_link():
    md = "Our planner syncs.\n\n[Start your free trial](https://x.test/{{ trial_id }}/signup)\n"
    assert cta_lint.lint_text(md, format="markdown") == []      # the link still asks
    md_dead = "Our planner syncs.\n\n[Start your free trial](#)\n"
    assert [f.rule for f in cta_lint.lint_text(md_dead, format="markdown")] == ["CTA006"]
