"""The web view's forms; every one carries a CSRF token (Flask-WTF)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import (
    EmailField,
    HiddenField,
    PasswordField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, Regexp

from worker.store.models import ROLES
from worker.store.review_validation import MAX_NOTE
from worker.vocabulary import REVIEW_STATUSES, STATUS_LABELS, VERDICT_LABELS, VERDICTS, ReviewStatus

# What setting each status is called as an action (bulk menu, shortcut help), in menu order.
STATUS_ACTIONS: dict[str, str] = {
    ReviewStatus.DISMISSED: "Dismiss",
    ReviewStatus.CONFIRMED: "Confirm",
    ReviewStatus.FOLLOW_UP: "Needs follow-up",
    ReviewStatus.NEW: "Back to new",
}


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Length(max=320)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=1000)])
    next = HiddenField()


class ReviewForm(FlaskForm):
    status = SelectField("Status", choices=[(s, STATUS_LABELS[s]) for s in REVIEW_STATUSES])
    verdict = SelectField(
        "Verdict", choices=[("", "— none —")] + [(v, VERDICT_LABELS[v]) for v in VERDICTS]
    )
    assignee = SelectField("Assignee", choices=[("", "— unassigned —")])
    note = TextAreaField("Note", validators=[Optional(), Length(max=MAX_NOTE)])
    back = HiddenField()


class MatchVerdictForm(FlaskForm):
    """One verdict for a finding and every finding stored as making the same claim."""

    verdict = SelectField("Verdict", choices=[(v, VERDICT_LABELS[v]) for v in VERDICTS])
    back = HiddenField()


class BulkForm(FlaskForm):
    """Only the CSRF token and the action; the selected ids come as repeated 'ids' fields."""

    action = SelectField(
        "Action",
        choices=[
            *((str(s), label) for s, label in STATUS_ACTIONS.items()),
            ("assign_me", "Assign to me"),
            ("unassign", "Unassign"),
        ],
    )
    back = HiddenField()


class UserForm(FlaskForm):
    email = EmailField(
        "Email",
        validators=[
            DataRequired(),
            Length(max=320),
            Regexp(r"^[^@\s]+@[^@\s]+$", message="Enter an email address like name@example.org."),
        ],
    )
    role = SelectField("Role", choices=[(r, r) for r in ROLES], default="editor")
    password = PasswordField("Password", validators=[DataRequired(), Length(min=8, max=1000)])


class ActionForm(FlaskForm):
    """A bare button form (sign out, revoke): the CSRF token is the whole point."""

    confirm = StringField(validators=[Optional()])
