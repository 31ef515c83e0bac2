"""initial schema: the whole case store

Revision ID: 0001
Revises: 
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('entity', sa.String(length=60), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_event_occurred_at'), ['occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('dialog_state',
    sa.Column('key', sa.String(length=500), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('etag', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_dialog_state'))
    )
    op.create_table('network',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('organiser', sa.String(length=300), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('founded', sa.String(length=40), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_network')),
    sa.UniqueConstraint('name', name=op.f('uq_network_name'))
    )
    op.create_table('organisation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation')),
    sa.UniqueConstraint('name', name=op.f('uq_organisation_name')),
    sa.UniqueConstraint('tenant_id', name=op.f('uq_organisation_tenant_id'))
    )
    op.create_table('case',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_case_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case')),
    sa.UniqueConstraint('organisation_id', 'reference', name=op.f('uq_case_organisation_id'))
    )
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('conversation_reference',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('channel_id', sa.String(length=50), nullable=False),
    sa.Column('conversation_id', sa.String(length=400), nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=True),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('service_url', sa.String(length=500), nullable=False),
    sa.Column('bot_id', sa.String(length=200), nullable=True),
    sa.Column('user_id', sa.String(length=200), nullable=True),
    sa.Column('aad_object_id', sa.String(length=64), nullable=True),
    sa.Column('conversation_type', sa.String(length=40), nullable=True),
    sa.Column('reference', sa.JSON(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_conversation_reference_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conversation_reference')),
    sa.UniqueConstraint('channel_id', 'conversation_id', name=op.f('uq_conversation_reference_channel_id'))
    )
    with op.batch_alter_table('conversation_reference', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conversation_reference_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('network_alias',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('network_id', sa.Integer(), nullable=False),
    sa.Column('alias', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['network_id'], ['network.id'], name=op.f('fk_network_alias_network_id_network'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_network_alias')),
    sa.UniqueConstraint('alias', name=op.f('uq_network_alias_alias'))
    )
    op.create_table('org_unit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_org_unit_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['parent_id'], ['org_unit.id'], name=op.f('fk_org_unit_parent_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_org_unit')),
    sa.UniqueConstraint('organisation_id', 'name', name=op.f('uq_org_unit_organisation_id'))
    )
    with op.batch_alter_table('org_unit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_org_unit_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('case_number',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=100), nullable=False),
    sa.Column('normalized', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], name=op.f('fk_case_number_case_id_case'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_number')),
    sa.UniqueConstraint('case_id', 'normalized', name=op.f('uq_case_number_case_id'))
    )
    with op.batch_alter_table('case_number', schema=None) as batch_op:
        batch_op.create_index('ix_case_number_normalized', ['normalized'], unique=False)

    op.create_table('invitation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('event', sa.String(length=500), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('place', sa.String(length=300), nullable=True),
    sa.Column('invited', sa.String(length=300), nullable=True),
    sa.Column('network_id', sa.Integer(), nullable=True),
    sa.Column('organiser', sa.String(length=300), nullable=True),
    sa.Column('respond_by', sa.Date(), nullable=True),
    sa.Column('decision', sa.String(length=20), nullable=False),
    sa.Column('representative', sa.String(length=300), nullable=True),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('prepared_by', sa.String(length=300), nullable=True),
    sa.Column('presenter', sa.String(length=300), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], name=op.f('fk_invitation_case_id_case'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['network_id'], ['network.id'], name=op.f('fk_invitation_network_id_network')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_invitation_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invitation')),
    sa.UniqueConstraint('case_id', name=op.f('uq_invitation_case_id'))
    )
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invitation_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invitation_respond_by'), ['respond_by'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=200), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('aad_object_id', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_person_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['unit_id'], ['org_unit.id'], name=op.f('fk_person_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('reminder_subscription',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('conversation_reference_id', sa.Integer(), nullable=False),
    sa.Column('user_aad_id', sa.String(length=64), nullable=True),
    sa.Column('user_name', sa.String(length=200), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('lead_days', sa.JSON(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], name=op.f('fk_reminder_subscription_case_id_case')),
    sa.ForeignKeyConstraint(['conversation_reference_id'], ['conversation_reference.id'], name=op.f('fk_reminder_subscription_conversation_reference_id_conversation_reference')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_reminder_subscription_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['unit_id'], ['org_unit.id'], name=op.f('fk_reminder_subscription_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder_subscription'))
    )
    with op.batch_alter_table('reminder_subscription', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reminder_subscription_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('remiss',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('sender', sa.String(length=300), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], name=op.f('fk_remiss_case_id_case'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_remiss_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_remiss')),
    sa.UniqueConstraint('case_id', name=op.f('uq_remiss_case_id'))
    )
    with op.batch_alter_table('remiss', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_remiss_deadline'), ['deadline'], unique=False)
        batch_op.create_index(batch_op.f('ix_remiss_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('membership',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('network_id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('since_year', sa.Integer(), nullable=True),
    sa.Column('since_date', sa.Date(), nullable=True),
    sa.Column('decision_reference', sa.String(length=100), nullable=True),
    sa.Column('decided_by', sa.String(length=200), nullable=True),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('decision_paragraph', sa.String(length=40), nullable=True),
    sa.Column('revised_on', sa.Date(), nullable=True),
    sa.Column('annual_cost', sa.Numeric(precision=14, scale=2), nullable=True),
    sa.Column('cost_currency', sa.String(length=3), nullable=True),
    sa.Column('cost_note', sa.Text(), nullable=True),
    sa.Column('responsible_unit_id', sa.Integer(), nullable=True),
    sa.Column('responsible_role', sa.String(length=300), nullable=True),
    sa.Column('contact_person_id', sa.Integer(), nullable=True),
    sa.Column('political_representative', sa.String(length=300), nullable=True),
    sa.Column('linked_body', sa.String(length=300), nullable=True),
    sa.Column('role_in_network', sa.String(length=300), nullable=True),
    sa.Column('period', sa.String(length=40), nullable=True),
    sa.Column('review_cadence', sa.String(length=300), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], name=op.f('fk_membership_case_id_case')),
    sa.ForeignKeyConstraint(['contact_person_id'], ['person.id'], name=op.f('fk_membership_contact_person_id_person')),
    sa.ForeignKeyConstraint(['network_id'], ['network.id'], name=op.f('fk_membership_network_id_network')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_membership_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['responsible_unit_id'], ['org_unit.id'], name=op.f('fk_membership_responsible_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_membership')),
    sa.UniqueConstraint('organisation_id', 'network_id', name=op.f('uq_membership_organisation_id'))
    )
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_membership_network_id'), ['network_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_membership_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('reminder_delivery',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subscription_id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('lead_days', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.String(length=500), nullable=True),
    sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], name=op.f('fk_reminder_delivery_case_id_case')),
    sa.ForeignKeyConstraint(['subscription_id'], ['reminder_subscription.id'], name=op.f('fk_reminder_delivery_subscription_id_reminder_subscription')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder_delivery')),
    sa.UniqueConstraint('subscription_id', 'case_id', 'deadline', 'lead_days', name=op.f('uq_reminder_delivery_subscription_id'))
    )
    op.create_table('remiss_recipient',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('remiss_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('answered_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['remiss_id'], ['remiss.id'], name=op.f('fk_remiss_recipient_remiss_id_remiss'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['org_unit.id'], name=op.f('fk_remiss_recipient_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_remiss_recipient')),
    sa.UniqueConstraint('remiss_id', 'name', name=op.f('uq_remiss_recipient_remiss_id'))
    )


def downgrade() -> None:
    op.drop_table('remiss_recipient')
    op.drop_table('reminder_delivery')
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_membership_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_membership_network_id'))

    op.drop_table('membership')
    with op.batch_alter_table('remiss', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_remiss_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_remiss_deadline'))

    op.drop_table('remiss')
    with op.batch_alter_table('reminder_subscription', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reminder_subscription_organisation_id'))

    op.drop_table('reminder_subscription')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_organisation_id'))

    op.drop_table('person')
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invitation_respond_by'))
        batch_op.drop_index(batch_op.f('ix_invitation_organisation_id'))

    op.drop_table('invitation')
    with op.batch_alter_table('case_number', schema=None) as batch_op:
        batch_op.drop_index('ix_case_number_normalized')

    op.drop_table('case_number')
    with op.batch_alter_table('org_unit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_org_unit_organisation_id'))

    op.drop_table('org_unit')
    op.drop_table('network_alias')
    with op.batch_alter_table('conversation_reference', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conversation_reference_tenant_id'))

    op.drop_table('conversation_reference')
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_organisation_id'))

    op.drop_table('case')
    op.drop_table('organisation')
    op.drop_table('network')
    op.drop_table('dialog_state')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_event_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_audit_event_occurred_at'))

    op.drop_table('audit_event')
