import { Injectable } from '@nestjs/common';
import { CreateCatDto } from './dto';

export type Cat = CreateCatDto & { id: number };

@Injectable()
export class CatsService {
  private readonly cats = new Map<number, Cat>();

  findAll() {
    return [...this.cats.values()];
  }
  findOne(id: number) {
    return this.cats.get(id);
  }
  findByName(name: string) {
    return [...this.cats.values()].find((cat) => cat.name === name);
  }
  create(dto: CreateCatDto) {
    const cat = { ...dto, id: this.cats.size + 1 };
    this.cats.set(cat.id, cat);
    return cat;
  }
  remove(id: number) {
    return this.cats.delete(id);
  }
}
