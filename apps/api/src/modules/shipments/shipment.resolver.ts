import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { MovementArgs } from '../packs/movements.resolver.js';
import { BulkResult } from '../packs/pack.types.js';
import { ShipmentItem, ShipmentLine, ShipmentObject, ShipmentReceipt, ShipmentStatus, type ShipmentStatusName } from './shipment.types.js';
import { itemsOf, linesOf } from './contents.js';

const toOptions = (args: MovementArgs) => ({ ...args, facilityId: args.facility });

@Resolver(() => ShipmentObject)
export class ShipmentResolver {
  @Authorized()
  @Query(() => ShipmentObject, { nullable: true, description: 'A shipment you sent or receive (BPOM: any).' })
  shipment(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.shipments.byId(ctx, id);
  }

  @Authorized()
  @Query(() => ShipmentObject, { nullable: true, description: 'The shipment a scanned delivery note names: its barcode (402)… or its number.' })
  shipmentByCode(@Ctx() ctx: Context, @Arg('code', () => String) code: string) {
    return ctx.services.shipments.byCode(ctx, code);
  }

  @Authorized()
  @Query(() => [ShipmentObject], { description: 'Shipments on their way to your facilities; by default those not yet received in full.' })
  incomingShipments(@Ctx() ctx: Context, @Arg('status', () => [ShipmentStatus], { nullable: true }) status: ShipmentStatusName[] | null) {
    return ctx.services.shipments.incoming(ctx, status);
  }

  @Authorized()
  @Query(() => [ShipmentObject], { description: 'Shipments from your facilities, newest first.' })
  outgoingShipments(@Ctx() ctx: Context, @Arg('status', () => [ShipmentStatus], { nullable: true }) status: ShipmentStatusName[] | null) {
    return ctx.services.shipments.outgoing(ctx, status);
  }

  @Authorized()
  @Mutation(() => ShipmentObject, { description: 'Opens a delivery note to `to`: fill it with ship(codes, to, shipment), then dispatch it.' })
  openShipment(@Ctx() ctx: Context, @Arg('to', () => ID) to: string, @Args(() => MovementArgs) args: MovementArgs) {
    return ctx.services.shipments.open(ctx, to, toOptions(args));
  }

  @Authorized()
  @Mutation(() => BulkResult, { description: 'Sends an open shipment on its way: its packs become IN_TRANSIT; any that may no longer go are taken out and named.' })
  dispatchShipment(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.shipments.dispatch(ctx, id);
  }

  @Authorized()
  @Mutation(() => ShipmentObject, { description: 'Cancels an open shipment; its packs stay where they are.' })
  cancelShipment(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.shipments.cancel(ctx, id);
  }

  @Authorized()
  @Mutation(() => ShipmentReceipt, {
    description: 'Receives a shipment: everything in it, or the `codes` that arrived, naming what is missing and what is extra.',
  })
  receiveShipment(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('codes', () => [String], { nullable: true }) codes: string[] | null,
    @Args(() => MovementArgs) args: MovementArgs,
  ) {
    return ctx.services.shipments.receive(ctx, id, codes, toOptions(args));
  }

  @FieldResolver(() => [ShipmentItem], { description: 'The packs named in it: units, and cases and pallets standing for what they hold.' })
  items(@Root() shipment: ShipmentObject, @Ctx() ctx: Context) {
    return itemsOf(ctx.pool, shipment.id);
  }

  @FieldResolver(() => [ShipmentLine], { description: 'Its units by product, batch and expiry: the packing list.' })
  lines(@Root() shipment: ShipmentObject, @Ctx() ctx: Context) {
    return linesOf(ctx.pool, shipment.id);
  }
}
