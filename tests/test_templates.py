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


def test_markdown_heading_attributes_are_not_template_comments():
    """kramdown / Pandoc / Hugo heading ids ``{#id}`` open like a Jinja comment: in Markdown
    they are attributes, blanked (no reader sees them), neither a comment nor a note."""
    src = "# Title {#intro}\n\n## Plans {#plans .wide data-x=\"a b\"}\n\nText {# a real one #}.\n"
    m = mask(src, "markdown")
    assert len(m.text) == len(src) and m.notes == []
    assert m.text.splitlines()[0] == "# Title" + " " * 9
    assert "{#" not in m.text and "Plans" in m.text
    # the real comment is still one, and only it (the ids do not reach its "#}")
    assert [(src[a:b], body) for a, b, body in m.comments] == [("{# a real one #}", "a real one")]
    assert m.text.splitlines()[4] == "Text" + " " * 17 + "."
    # in HTML an unclosed "{#" is still an unterminated comment
    assert mask("<h1>Title {#intro}</h1>", "html").notes


def test_heading_id_before_a_comment_keeps_the_copy_between():
    md = ("## Offer {#offer}\n\nWe really need to hit our numbers this month.\n\n"
          "{# internal: check the price #}\n\n[Buy now](https://x.test/buy)\n")
    findings = cta_lint.lint_text(md, format="markdown", select=["CTA003"])
    assert [(f.rule, f.line, f.column) for f in findings] == [("CTA003", 3, 1)]


def test_a_note_about_a_file_is_printed_once(tmp_path):
    from conftest import run_cli
    (tmp_path / "ids.md").write_text("# Title {#intro}\n\n## More {#more}\n\nBuy now: "
                                     "https://x.test/buy\n", encoding="utf-8")
    (tmp_path / "open.html").write_text("<p>Hi {# one</p>\n<p>and {# two</p>\n"
                                        "<p><a href='https://x.test/buy'>Buy now</a></p>\n",
                                        encoding="utf-8")
    r = run_cli("check", "ids.md", "open.html", cwd=tmp_path)
    notes = [ln for ln in r.stderr.splitlines() if "note:" in ln]
    assert notes == ["cta-lint: note: open.html: unterminated template comment '{#'"], r.stderr


# ERB / EEx (Rails and Phoenix mailers) and Blade (Laravel mail): what a reader of the sent
# message sees, at the columns of the source

def _same_shape(src, m):
    assert len(m.text) == len(src)
    assert [i for i, c in enumerate(m.text) if c == "\n"] == [i for i, c in enumerate(src)
                                                             if c == "\n"]


def test_erb_tags_mask_and_link_to_becomes_a_link():
    src = ('<p>Hi <%= @user.first_name %>,</p>\n<% if @trial %><p><%= link_to "Upgrade now", '
           'upgrade_url, class: "btn" %></p><% end %>\n<%# cta-lint: disable CTA001 %>\n')
    m = mask(src, "html")
    _same_shape(src, m)
    assert "user.first_name," in m.text and "<%" not in m.text
    assert m.text.index("Upgrade now") == src.index("Upgrade now")       # the copy stays put
    assert "<a href=x" in m.text and "</a>" in m.text
    assert [body for _, _, body in m.comments] == ["cta-lint: disable CTA001"]


def test_erb_block_link_and_templated_price_read_as_an_ask():
    src = ("<p>Keep your blog for just $<%= Subscription.price %>/year.</p>\n"
           "<p><%= link_to app_subscriptions_url do %>\n  Keep my account\n<% end %></p>\n")
    m = mask(src, "html")
    _same_shape(src, m)
    assert "$0 " in m.text and "Keep my account" in m.text
    assert cta_lint.lint_text(src, format="html", select=["CTA001"]) == []


def test_blade_markdown_mail_reads_its_copy_and_its_button():
    src = ("@component('mail::message')\n{{ __('Your trial has ended.') }}\n\n"
           "@component('mail::button', ['url' => route('billing-portal')])\n"
           "    {{ __('Subscribe') }}\n@endcomponent\n\n{{-- cta-lint: disable CTA005 --}}\n"
           "Thanks,<br>\n{!! config('app.name') !!}\n@endcomponent\n")
    m = mask(src, "markdown")
    _same_shape(src, m)
    assert "@component" not in m.text and "{!!" not in m.text and "__(" not in m.text
    assert "Your trial has ended." in m.text and "](billing-po)" in m.text   # the route, as far as it fits
    assert [body for _, _, body in m.comments] == ["cta-lint: disable CTA005"]
    from cta_lint.sources import markdown
    doc = markdown.read(src)
    assert [b.text for b in doc.blocks][:1] == ["Your trial has ended."]   # not a code block
    assert [ln.text for b in doc.blocks for ln in b.links] == ["Subscribe"]


def test_at_signs_in_plain_copy_are_not_blade():
    src = "<p>Email jane@example.com, or follow @if_design and @section_studio.</p>"
    assert mask(src, "html").text == src
    # in a Blade view, a handle that starts like a directive is still a handle
    blade = "@if($promo)\n<p>Follow @if_design for more.</p>\n@endif\n"
    assert "Follow @if_design for more." in mask(blade, "html").text


def test_template_file_names_pick_their_reader():
    from cta_lint.sources import format_for, template_ext
    assert format_for("app/views/trial_mailer/ending.html.erb") == "html"
    assert format_for("app/views/trial_mailer/ending.text.erb") == "text"
    assert format_for("lib/web/templates/email/welcome.html.eex") == "html"
    assert format_for("resources/views/mail/trial.blade.php",
                      "@component('mail::message')\nHi\n@endcomponent\n") == "markdown"
    assert format_for("resources/views/emails/trial.blade.php", "<p>Hi</p>") == "html"
    assert template_ext("x/trial.blade.php") == ".blade" and template_ext("x/index.php") == ".php"
    assert format_for("emails/welcome.gohtml") == "html"
    assert format_for("emails/welcome.gotxt") == "text"
    assert format_for("docs/sponsorship.rst", "Sponsorship\n===========\n\n<a href='x'>") == "markdown"


def test_go_template_actions_are_control_tags():
    src = ('<p>Hi {{ .Name }},</p>{{ if .Trial }}<p>Your trial ends {{ .EndsAt }}.</p>'
           '{{ else }}<p>Thanks!</p>{{ end }}{{- range .Items }}<li>{{ .Title }}</li>{{- end }}')
    m = mask(src)
    _same_shape(src, m)
    words = m.text.split()
    assert "Name," in " ".join(words) and "EndsAt.</p>" in " ".join(words)
    assert not {"if", "end", "range", "else"} & set(words)


def test_freemarker_tags_mask():
    src = ('<#-- cta-lint-disable CTA005 -->\n<p>Hi ${user.firstName!"there"},</p>\n<#if trial>'
           '<p>Your trial ends ${trial.end?string("MMM d")}.</p></#if>\n'
           '<p>Upgrade for $${plan.price}/month.</p>')
    m = mask(src, "html")
    _same_shape(src, m)
    assert "<#" not in m.text and "${" not in m.text
    assert "user.firstName," in m.text and "$0 " in m.text
    assert [body for _, _, body in m.comments] == ["cta-lint-disable CTA005"]
    from cta_lint.sources import format_for
    assert format_for("templates/email/html/trial.ftl") == "html" or format_for(
        "templates/email/html/trial.html.ftl") == "html"
    assert format_for("templates/email/trial.ftlh") == "html"


def test_plain_text_rules_of_dashes_are_dividers():
    from cta_lint.document import DIVIDER
    from cta_lint.sources import text
    doc = text.read("Renew before 31 August.\n\n————\nThis email was automatically generated.\n")
    assert [b.kind for b in doc.blocks][:2] == ["paragraph", DIVIDER]


def test_kramdown_attribute_lists_are_not_copy():
    from cta_lint.sources import markdown
    src = "[Contact us](https://x.example/c){: .btn .btn-primary}\n\n{: .lead}\nA lead paragraph.\n"
    doc = markdown.read(src)
    assert [b.text for b in doc.blocks] == ["Contact us", "A lead paragraph."]
    assert [ln.text for ln in doc.blocks[0].links] == ["Contact us"]
