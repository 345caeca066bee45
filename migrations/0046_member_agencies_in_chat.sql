-- The province's administrator in chat (/agency): the province's connection sees its own agencies
-- row only, so adding an agency under it and keeping a member's channel settings go through these
-- functions, run as the tables' owner and kept to the calling agency's own members. Only an agency
-- at the top (no parent: the province) adds agencies. Values arrive sealed (CHANNEL_SECRETS_KEY);
-- tdkt_member_channels names the settings kept, never their values.
CREATE FUNCTION tdkt_add_member_agency(p_code text, p_name text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
declare
  me integer := nullif(current_setting('tdkt.agency_id', true), '')::integer;
  created integer;
begin
  if me is null or not exists (select 1 from agencies where id = me and parent_id is null) then
    raise exception 'only the province adds agencies' using errcode = '42501';
  end if;
  insert into agencies (code, name, parent_id) values (upper(p_code), p_name, me) on conflict (code) do nothing returning id into created;
  return created;
end
$$;
--> statement-breakpoint
CREATE FUNCTION tdkt_set_member_channel(p_agency integer, p_name text, p_sealed text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
declare
  me integer := nullif(current_setting('tdkt.agency_id', true), '')::integer;
begin
  if me is null or not exists (select 1 from agencies where id = p_agency and parent_id = me) then
    return false;
  end if;
  if p_sealed is null then
    delete from agency_channels where agency_id = p_agency and name = p_name;
  else
    insert into agency_channels (agency_id, name, sealed) values (p_agency, p_name, p_sealed)
    on conflict (agency_id, name) do update set sealed = excluded.sealed, updated_at = now();
  end if;
  return true;
end
$$;
--> statement-breakpoint
CREATE FUNCTION tdkt_member_channels() RETURNS TABLE (code text, name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  select a.code, c.name from agency_channels c join agencies a on a.id = c.agency_id
  where a.parent_id = nullif(current_setting('tdkt.agency_id', true), '')::integer
  order by 1, 2
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION tdkt_add_member_agency(text, text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tdkt_add_member_agency(text, text) TO "tdkt_bot";--> statement-breakpoint
REVOKE ALL ON FUNCTION tdkt_set_member_channel(integer, text, text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tdkt_set_member_channel(integer, text, text) TO "tdkt_bot";--> statement-breakpoint
REVOKE ALL ON FUNCTION tdkt_member_channels() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tdkt_member_channels() TO "tdkt_bot";
